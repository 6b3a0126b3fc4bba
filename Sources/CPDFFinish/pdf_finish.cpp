// The finishing step: everything a PDF/UA-1 and PDF/A-2u brief needs that Cairo 1.16 cannot
// write, added through libqpdf's object model (never by editing Cairo's bytes). See
// include/pdf_finish.h for the interface and Sources/ReportRender/PDFFinisher.swift for why.

#include "pdf_finish.h"

// qpdf 11: no PointerHolder in this file (std::shared_ptr only), which silences its transition warning.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <string>
#include <unordered_map>
#include <vector>

#include <zlib.h>

namespace {

using Token = QPDFTokenizer::Token;

std::string text(const char *value) { return value ? std::string(value) : std::string(); }

// "2021-03-23T00:00:00+08:00" -> "D:20210323000000+08'00'" (a PDF date, ISO 32000-1 7.9.4).
std::string pdfDate(std::string const &iso) {
    std::string digits;
    size_t i = 0;
    for (; i < iso.size() && digits.size() < 14; ++i) {
        char c = iso[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c != '-' && c != ':' && c != 'T') break;
    }
    if (digits.size() < 8) throw std::runtime_error("the date '" + iso + "' is not ISO 8601 (2021-03-23T00:00:00+08:00)");
    while (i < iso.size() && (iso[i] == '.' || (iso[i] >= '0' && iso[i] <= '9'))) ++i;   // fractions of a second
    std::string date = "D:" + digits;
    if (i < iso.size()) {
        if (iso[i] == 'Z' && i + 1 == iso.size()) return date + "Z";
        if ((iso[i] == '+' || iso[i] == '-') && iso.size() == i + 6 && iso[i + 3] == ':')
            return date + iso[i] + iso.substr(i + 1, 2) + "'" + iso.substr(i + 4, 2) + "'";
        throw std::runtime_error("the date '" + iso + "' has an offset that is not +hh:mm, -hh:mm or Z");
    }
    return date;
}

std::string xmlEscape(std::string const &value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

// PDF/A (ISO 19005-2 6.1.7.1) counts /Length up to the end-of-line marker before endstream,
// and libqpdf writes a line feed there. Stream data that ends with a carriage return then reads
// as if the marker were CR LF, one byte short of /Length, to a checker that takes the longest
// marker. Flate data ends with the low byte of the Adler-32 sum of the decoded bytes, so one
// stream in 256 does, whoever compresses it (libqpdf recompresses every stream whose data
// changed). A line feed after the decoded bytes changes that byte.
bool endsWithCR(Buffer const &data) { return data.getSize() > 0 && data.getBuffer()[data.getSize() - 1] == '\r'; }

bool flateEndsWithCR(unsigned char const *data, size_t length) {
    uLong sum = adler32(0L, Z_NULL, 0);
    for (size_t done = 0; done < length;) {   // adler32 takes a uInt length
        uInt part = static_cast<uInt>(std::min<size_t>(length - done, 1u << 30));
        sum = adler32(sum, data + done, part);
        done += part;
    }
    return (sum & 0xFF) == '\r';
}

// `data`, with a line feed after it when its Flate encoding would end with a carriage return.
std::shared_ptr<Buffer> safeForFlate(std::shared_ptr<Buffer> data) {
    if (!flateEndsWithCR(data->getBuffer(), data->getSize())) return data;
    auto longer = std::make_shared<Buffer>(data->getSize() + 1);
    std::memcpy(longer->getBuffer(), data->getBuffer(), data->getSize());
    longer->getBuffer()[data->getSize()] = '\n';
    return longer;
}

QPDFObjectHandle asArray(QPDFObjectHandle value) {
    if (value.isArray()) return value.shallowCopy();
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!value.isNull()) array.appendItem(value);
    return array;
}

// The XMP packet: the Info dictionary's values, the PDF/A and PDF/UA identification, and the
// extension-schema declaration PDF/A requires for the pdfuaid namespace (not predefined in XMP).
std::string xmpPacket(std::string const &title, std::string const &subject, std::string const &author,
                      std::string const &creator, std::string const &keywords, std::string const &producer,
                      std::string const &date, std::string const &language) {
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
    x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    x += "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
    x += "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n";
    x += "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n";
    x += "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n";
    x += "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!subject.empty())
        x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!author.empty()) x += "   <dc:creator><rdf:Seq><rdf:li>" + xmlEscape(author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    x += "   <dc:language><rdf:Bag><rdf:li>" + xmlEscape(language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!keywords.empty()) x += "   <pdf:Keywords>" + xmlEscape(keywords) + "</pdf:Keywords>\n";
    x += "   <pdf:Producer>" + xmlEscape(producer) + "</pdf:Producer>\n";
    if (!creator.empty()) x += "   <xmp:CreatorTool>" + xmlEscape(creator) + "</xmp:CreatorTool>\n";
    if (!date.empty()) {
        x += "   <xmp:CreateDate>" + xmlEscape(date) + "</xmp:CreateDate>\n";
        x += "   <xmp:ModifyDate>" + xmlEscape(date) + "</xmp:ModifyDate>\n";
        x += "   <xmp:MetadataDate>" + xmlEscape(date) + "</xmp:MetadataDate>\n";
    }
    x += "   <pdfaid:part>2</pdfaid:part>\n";
    x += "   <pdfaid:conformance>U</pdfaid:conformance>\n";
    x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    x += "   <pdfaExtension:schemas>\n";
    x += "    <rdf:Bag>\n";
    x += "     <rdf:li rdf:parseType=\"Resource\">\n";
    x += "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n";
    x += "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n";
    x += "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n";
    x += "      <pdfaSchema:property>\n";
    x += "       <rdf:Seq>\n";
    x += "        <rdf:li rdf:parseType=\"Resource\">\n";
    x += "         <pdfaProperty:name>part</pdfaProperty:name>\n";
    x += "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n";
    x += "         <pdfaProperty:category>internal</pdfaProperty:category>\n";
    x += "         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n";
    x += "        </rdf:li>\n";
    x += "       </rdf:Seq>\n";
    x += "      </pdfaSchema:property>\n";
    x += "     </rdf:li>\n";
    x += "    </rdf:Bag>\n";
    x += "   </pdfaExtension:schemas>\n";
    x += "  </rdf:Description>\n";
    x += " </rdf:RDF>\n";
    x += "</x:xmpmeta>\n";
    x += "<?xpacket end=\"w\"?>";
    return x;
}

// Wraps every piece of content that is at marked-content depth 0 (outside every tagged sequence)
// in /Artifact BMC … EMC, and leaves the tagged sequences as they are.
//
// Cairo writes marked content only for leaf structure elements; whatever the painter draws
// outside them (running headers and footers, rules, fills) is page furniture. Operands come
// before their operator, so tokens wait until the operator says what they are. A text object is
// read whole before it is written: if it holds no tagged sequence it goes into an artifact as
// one piece (opened outside it), otherwise artifacts are opened and closed inside it, so that
// no sequence crosses BT or ET.
class ArtifactFilter : public QPDFObjectHandle::TokenFilter {
  public:
    explicit ArtifactFilter(size_t *count) : count(count) {}

    void handleToken(Token const &token) override {
        if (inText) {
            textTokens.push_back(token);
            if (token.getType() == QPDFTokenizer::tt_word && token.getValue() == "ET") {
                inText = false;
                writeTextObject();
            }
            return;
        }
        auto type = token.getType();
        if (inInlineImage) {
            pending.push_back(token);
            if (type == QPDFTokenizer::tt_inline_image || (type == QPDFTokenizer::tt_word && token.getValue() == "EI")) {
                inInlineImage = false;
                flushPending();
            }
            return;
        }
        if (type != QPDFTokenizer::tt_word) {
            pending.push_back(token);
            return;
        }
        std::string const &op = token.getValue();
        if (op == "BT") {
            inText = true;
            textTokens.clear();
            textTokens.push_back(token);
            return;
        }
        operatorOutside(op, token);
    }

    void handleEOF() override {
        if (inText) {   // an unterminated text object: write it as it came
            for (auto const &t : textTokens) pending.push_back(t);
            textTokens.clear();
            inText = false;
        }
        flushPending();
        while (!stack.empty() && stack.back() == Kind::mine) {
            write("\nEMC\n");
            stack.pop_back();
        }
    }

  private:
    enum class Kind { mine, tagged, other };
    size_t *count;
    std::vector<Token> pending;      // tokens since the last operator: the next operator's operands
    std::vector<Token> textTokens;   // the text object being read
    std::vector<Kind> stack;         // open marked-content sequences, innermost last
    bool inText = false;
    bool inInlineImage = false;
    long saveDepth = 0;       // q … Q nesting outside text objects
    long mineSaveDepth = 0;   // the nesting where the open artifact began

    bool covered() const {
        for (Kind kind : stack)
            if (kind != Kind::other) return true;
        return false;
    }

    void open() {
        write("\n/Artifact BMC\n");
        stack.push_back(Kind::mine);
        mineSaveDepth = saveDepth;
        ++*count;
    }

    void closeMine() {
        if (!stack.empty() && stack.back() == Kind::mine) {
            write("\nEMC\n");
            stack.pop_back();
        }
    }

    void flushPending() {
        for (auto const &t : pending) writeToken(t);
        pending.clear();
    }

    // Whether a BDC/BMC with these operands is a structure element's content (it has an /MCID)
    // or already an artifact; other sequences (/Span << /ActualText … >>) are not.
    static Kind kindOf(std::vector<Token> const &operands) { return kindOf(operands.data(), operands.data() + operands.size()); }

    static Kind kindOf(Token const *begin, Token const *end) {
        bool first = true;
        for (Token const *t = begin; t != end; ++t) {
            if (t->getType() != QPDFTokenizer::tt_name) continue;
            if (first && t->getValue() == "/Artifact") return Kind::tagged;
            first = false;
            if (t->getValue() == "/MCID") return Kind::tagged;
        }
        return Kind::other;
    }

    // A marked-content operator, or content, at the current point; `inside` is whether it is in
    // a text object (then only text showing is content).
    void markOrPaint(std::string const &op, std::vector<Token> const &operands, bool inside) {
        if (op == "BDC" || op == "BMC") {
            Kind kind = kindOf(operands);
            if (kind == Kind::tagged) {
                closeMine();
            } else if (!covered()) {
                open();
            }
            stack.push_back(kind);
        } else if (op == "EMC") {
            closeMine();
            if (!stack.empty()) stack.pop_back();
        } else if (isContent(op, inside) && !covered()) {
            open();
        }
    }

    static bool isContent(std::string const &op, bool inside) {
        if (inside) return op == "Tj" || op == "TJ" || op == "'" || op == "\"";
        return op == "m" || op == "re" || op == "sh" || op == "Do" || op == "BI";
    }

    void operatorOutside(std::string const &op, Token const &token) {
        if (op == "q") {
            ++saveDepth;
        } else if (op == "Q") {
            // An artifact opened after this Q's q closes before it: q/Q and marked content nest.
            if (!stack.empty() && stack.back() == Kind::mine && mineSaveDepth >= saveDepth) closeMine();
            --saveDepth;
        }
        markOrPaint(op, pending, false);
        flushPending();
        writeToken(token);
        if (op == "BI") inInlineImage = true;
    }

    void writeTextObject() {
        bool tagged = false;
        {
            long local = 0;
            size_t operands = 0;   // where the current operator's operands begin
            for (size_t i = 0; i < textTokens.size(); ++i) {
                Token const &t = textTokens[i];
                if (t.getType() != QPDFTokenizer::tt_word) continue;
                if (t.getValue() == "BDC" || t.getValue() == "BMC") {
                    if (kindOf(textTokens.data() + operands, textTokens.data() + i) == Kind::tagged) tagged = true;
                    ++local;
                } else if (t.getValue() == "EMC" && --local < 0) {
                    tagged = true;   // it closes a sequence opened before BT: keep the pieces apart
                }
                operands = i + 1;
            }
        }
        std::vector<Token> const &text = textTokens;   // cleared at the next BT (keeping its capacity)
        if (!tagged) {
            // One piece: into an artifact opened before BT, unless already inside tagged content.
            if (!covered()) open();
            flushPending();
            size_t depth = stack.size();
            for (auto const &t : text) {
                writeToken(t);
                if (t.getType() != QPDFTokenizer::tt_word) continue;
                if (t.getValue() == "BDC" || t.getValue() == "BMC") stack.push_back(Kind::other);
                else if (t.getValue() == "EMC" && stack.size() > depth) stack.pop_back();
            }
            return;
        }
        // Tagged sequences inside: an artifact opened before BT must close before it.
        closeMine();
        flushPending();
        size_t depth = stack.size();
        for (auto const &t : text) {
            if (t.getType() != QPDFTokenizer::tt_word) {
                pending.push_back(t);
                continue;
            }
            std::string const &op = t.getValue();
            if (op == "ET") {
                while (stack.size() > depth && stack.back() == Kind::mine) {
                    write("\nEMC\n");
                    stack.pop_back();
                }
            } else if (op != "BT") {
                markOrPaint(op, pending, true);
            }
            flushPending();
            writeToken(t);
        }
    }
};

struct Finisher {
    QPDF pdf;
    pdf_finish_options const &options;
    std::unordered_map<long, pdf_finish_element const *> elements;
    std::map<QPDFObjGen, std::string> linkContents;   // annotation -> /Contents
    size_t artifacts = 0;
    std::set<QPDFObjGen> replaced;    // streams whose data this step wrote
    std::set<QPDFObjGen> perturbed;   // objects changed to change a stream's last byte

    explicit Finisher(pdf_finish_options const &options) : options(options) {
        for (size_t i = 0; i < options.element_count; ++i) elements[options.elements[i].index] = &options.elements[i];
    }

    // Walks the structure tree in preorder, as the painter opened the tags, and applies the
    // attributes of each element.
    void structureTree(QPDFObjectHandle root) {
        if (!root.isDictionary()) throw std::runtime_error("the PDF has no structure tree (was the Document tag drawn?)");
        long index = 0;
        std::set<QPDFObjGen> seen;
        std::vector<QPDFObjectHandle> stack;   // kids still to visit, last first
        auto pushKids = [&stack](QPDFObjectHandle kids) {
            if (kids.isArray()) {
                for (int i = kids.getArrayNItems() - 1; i >= 0; --i) stack.push_back(kids.getArrayItem(i));
            } else if (!kids.isNull()) {
                stack.push_back(kids);
            }
        };
        inlineParentTree(root.getKey("/ParentTree"));
        pushKids(root.getKey("/K"));
        while (!stack.empty()) {
            QPDFObjectHandle node = stack.back();
            stack.pop_back();
            if (!node.isDictionary()) continue;   // an MCID
            QPDFObjectHandle type = node.getKey("/Type");
            if (type.isName() && type.getName() != "/StructElem") continue;   // MCR, OBJR
            if (!node.getKey("/S").isName()) continue;
            if (node.isIndirect() && !seen.insert(node.getObjGen()).second) continue;
            auto found = elements.find(index++);
            if (found != elements.end()) apply(node, *found->second);
            pushKids(node.getKey("/K"));
        }
    }

    // Cairo writes each page's entry of the parent tree (the elements its marked content
    // belongs to) as an array object of its own. Held directly in /Nums they mean the same,
    // make a thousand fewer objects for a long brief, and leave no object stream of arrays
    // alone, which nothing could change if it compressed to end with a carriage return.
    void inlineParentTree(QPDFObjectHandle tree) {
        if (!tree.isDictionary()) return;
        QPDFObjectHandle nums = tree.getKey("/Nums");
        if (nums.isArray()) {
            for (int i = 1; i < nums.getArrayNItems(); i += 2) {
                QPDFObjectHandle value = nums.getArrayItem(i);
                if (value.isIndirect() && value.isArray()) nums.setArrayItem(i, value.shallowCopy());
            }
        }
        QPDFObjectHandle kids = tree.getKey("/Kids");
        if (kids.isArray())
            for (int i = 0; i < kids.getArrayNItems(); ++i) inlineParentTree(kids.getArrayItem(i));
    }

    void apply(QPDFObjectHandle element, pdf_finish_element const &attributes) {
        if (attributes.language && *attributes.language)
            element.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(attributes.language));
        if (attributes.alt) element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(attributes.alt));
        if (attributes.actual_text)
            element.replaceKey("/ActualText", QPDFObjectHandle::newUnicodeString(attributes.actual_text));
        if (attributes.scope != PDF_FINISH_SCOPE_NONE) {
            static const char *names[] = {"", "/Row", "/Column", "/Both"};
            QPDFObjectHandle table = QPDFObjectHandle::newDictionary();
            table.replaceKey("/O", QPDFObjectHandle::newName("/Table"));
            table.replaceKey("/Scope", QPDFObjectHandle::newName(names[attributes.scope & 3]));
            element.replaceKey("/A", table);
        }
        if (attributes.link_contents) {
            QPDFObjectHandle kids = element.getKey("/K");
            std::vector<QPDFObjectHandle> list = kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
            for (auto &kid : list) {
                if (!kid.isDictionary() || !kid.getKey("/Type").isNameAndEquals("/OBJR")) continue;
                QPDFObjectHandle annotation = kid.getKey("/Obj");
                if (annotation.isIndirect()) linkContents[annotation.getObjGen()] = attributes.link_contents;
            }
        }
    }

    void catalogAndInfo() {
        QPDFObjectHandle trailer = pdf.getTrailer();
        QPDFObjectHandle root = pdf.getRoot();
        std::string language = text(options.language), title = text(options.title);
        if (language.empty()) throw std::runtime_error("no document language given (PDF/UA needs /Lang)");
        if (title.empty()) throw std::runtime_error("no document title given (PDF/UA needs dc:title)");

        QPDFObjectHandle info = trailer.getKey("/Info");
        if (!info.isDictionary()) {
            info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
            trailer.replaceKey("/Info", info);
        }
        std::string producer = text(options.producer);
        if (producer.empty()) {
            QPDFObjectHandle cairo = info.getKey("/Producer");
            producer = cairo.isString() ? cairo.getUTF8Value() : std::string("cairo");
            producer += "; libqpdf " + QPDF::QPDFVersion();
        }
        auto set = [&info](const char *key, std::string const &value) {
            if (value.empty()) info.removeKey(key);
            else info.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
        };
        std::string date = text(options.date);
        set("/Title", title);
        set("/Subject", text(options.subject));
        set("/Author", text(options.author));
        set("/Creator", text(options.creator));
        set("/Keywords", text(options.keywords));
        set("/Producer", producer);
        if (!date.empty()) {
            std::string pdfdate = pdfDate(date);
            info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfdate));
            info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfdate));
        } else {
            info.removeKey("/CreationDate");
            info.removeKey("/ModDate");
        }

        std::string xmp = xmpPacket(title, text(options.subject), text(options.author), text(options.creator),
                                    text(options.keywords), producer, date, language);
        QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, xmp);
        metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", metadata);

        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
        QPDFObjectHandle preferences = root.getKey("/ViewerPreferences");
        if (!preferences.isDictionary()) {
            preferences = QPDFObjectHandle::newDictionary();
            root.replaceKey("/ViewerPreferences", preferences);
        }
        preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        QPDFObjectHandle mark = root.getKey("/MarkInfo");
        if (!mark.isDictionary()) {
            mark = QPDFObjectHandle::newDictionary();
            root.replaceKey("/MarkInfo", mark);
        }
        mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));

        if (!options.icc_profile || options.icc_profile_length < 128)
            throw std::runtime_error("no ICC profile for the sRGB output intent");
        if (std::memcmp(options.icc_profile + 16, "RGB ", 4) != 0)
            throw std::runtime_error("the output intent's ICC profile is not an RGB profile");
        auto icc = std::make_shared<Buffer>(options.icc_profile_length);
        std::memcpy(icc->getBuffer(), options.icc_profile, options.icc_profile_length);
        QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf);
        profile.replaceStreamData(safeForFlate(icc), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
        QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
        intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
        intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
        intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
        intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
        intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
        intent.replaceKey("/DestOutputProfile", profile);
        root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{intent}));
    }

    // CIDFontType2 fonts without /CIDToGIDMap: the default is Identity (ISO 32000-1 9.7.4.2),
    // which is what Cairo's TrueType subsets are numbered for; PDF/A and PDF/UA want it written.
    // Images: no /Interpolate. Form XObjects' resources likewise.
    void resources(QPDFObjectHandle resources, std::set<QPDFObjGen> &seenFonts, std::set<QPDFObjGen> &seenForms) {
        if (!resources.isDictionary()) return;
        QPDFObjectHandle fonts = resources.getKey("/Font");
        if (fonts.isDictionary()) {
            for (auto const &key : fonts.getKeys()) {
                QPDFObjectHandle font = fonts.getKey(key);
                if (!font.isDictionary() || (font.isIndirect() && !seenFonts.insert(font.getObjGen()).second)) continue;
                QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
                if (!descendants.isArray()) continue;
                for (auto &descendant : descendants.getArrayAsVector()) {
                    if (descendant.isDictionary() && descendant.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
                        !descendant.hasKey("/CIDToGIDMap"))
                        descendant.replaceKey("/CIDToGIDMap", QPDFObjectHandle::newName("/Identity"));
                }
            }
        }
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        if (xobjects.isDictionary()) {
            for (auto const &key : xobjects.getKeys()) {
                QPDFObjectHandle form = xobjects.getKey(key);
                if (!form.isStream()) continue;
                QPDFObjectHandle dictionary = form.getDict();
                if (dictionary.getKey("/Subtype").isNameAndEquals("/Image")) {
                    // PDF/A-2 (6.2.8): /Interpolate must be false or absent; Cairo writes true for
                    // images painted with its default filter.
                    if (dictionary.hasKey("/Interpolate")) dictionary.removeKey("/Interpolate");
                    QPDFObjectHandle mask = dictionary.getKey("/SMask");
                    if (mask.isStream() && mask.getDict().hasKey("/Interpolate")) mask.getDict().removeKey("/Interpolate");
                    continue;
                }
                if (!dictionary.getKey("/Subtype").isNameAndEquals("/Form")) continue;
                if (form.isIndirect() && !seenForms.insert(form.getObjGen()).second) continue;
                this->resources(dictionary.getKey("/Resources"), seenFonts, seenForms);
            }
        }
    }

    void pages() {
        std::set<QPDFObjGen> seenFonts, seenForms;
        std::vector<QPDFObjectHandle> contents;
        for (auto &page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            QPDFObjectHandle object = page.getObjectHandle();
            QPDFObjectHandle annotations = object.getKey("/Annots");
            if (annotations.isArray() && annotations.getArrayNItems() > 0) {
                object.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
                for (auto &annotation : annotations.getArrayAsVector()) {
                    if (!annotation.isDictionary()) continue;
                    annotation.replaceKey("/F", QPDFObjectHandle::newInteger(4));   // Print; not hidden
                    if (annotation.isIndirect()) {
                        auto found = linkContents.find(annotation.getObjGen());
                        if (found != linkContents.end())
                            annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(found->second));
                    }
                }
            }
            resources(page.getAttribute("/Resources", false), seenFonts, seenForms);
            page.coalesceContentStreams();
            QPDFObjectHandle stream = object.getKey("/Contents");
            if (stream.isStream()) contents.push_back(stream);
        }
        artifactsIn(contents);
    }

    // Runs the artifact filter over the content streams, a batch at a time: libqpdf decodes
    // each batch here, the filter and deflate run on all cores (they touch no QPDF object,
    // only bytes through Pl_QPDFTokenizer), and the results go back into the streams in page
    // order, so the output does not depend on the threads. Tokenizing is a large part of the
    // finisher's time (1,446 pages of a long brief hold 11 MB of content).
    void artifactsIn(std::vector<QPDFObjectHandle> &streams) {
        size_t threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        const size_t batch = 64;
        for (size_t start = 0; start < streams.size(); start += batch) {
            size_t end = std::min(streams.size(), start + batch);
            std::vector<std::shared_ptr<Buffer>> input(end - start), output(end - start);
            std::vector<size_t> counts(end - start, 0);
            std::vector<std::string> errors(end - start);
            for (size_t i = start; i < end; ++i) input[i - start] = streams[i].getStreamData(qpdf_dl_generalized);
            std::atomic<size_t> next{0};
            auto work = [&]() {
                for (size_t i; (i = next++) < input.size();) {
                    try {
                        Pl_Buffer buffer("content");
                        ArtifactFilter filter(&counts[i]);
                        Pl_QPDFTokenizer tokenizer("content", &filter, &buffer);
                        tokenizer.write(input[i]->getBuffer(), input[i]->getSize());
                        tokenizer.finish();
                        output[i] = safeForFlate(buffer.getBufferSharedPointer());
                    } catch (std::exception const &error) {
                        errors[i] = error.what();
                    }
                }
            };
            std::vector<std::thread> workers;
            for (size_t t = 1; t < std::min(threads, input.size()); ++t) workers.emplace_back(work);
            work();
            for (auto &worker : workers) worker.join();
            for (size_t i = start; i < end; ++i) {
                if (!errors[i - start].empty())
                    throw std::runtime_error("page " + std::to_string(i + 1) + ": " + errors[i - start]);
                // Uncompressed: the writer compresses it (it would recompress it anyway).
                streams[i].replaceStreamData(output[i - start], QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
                replaced.insert(streams[i].getObjGen());
                artifacts += counts[i - start];
            }
        }
    }

    // Streams that libqpdf copies as they are (Cairo's fonts, ToUnicode maps, forms): one whose
    // data ends with a carriage return is decoded and gets a line feed after its bytes, where
    // that means nothing (text, a font program after its last table); images are left alone.
    bool makeSafe(QPDFObjectHandle stream) {
        QPDFObjectHandle dictionary = stream.getDict();
        if (dictionary.getKey("/Subtype").isNameAndEquals("/Image") || dictionary.getKey("/Type").isNameAndEquals("/XRef") ||
            dictionary.getKey("/Type").isNameAndEquals("/ObjStm"))
            return false;
        std::shared_ptr<Buffer> decoded;
        try {
            decoded = stream.getStreamData(qpdf_dl_generalized);
        } catch (std::exception const &) {
            return false;
        }
        if (!decoded) return false;
        auto longer = std::make_shared<Buffer>(decoded->getSize() + 1);
        std::memcpy(longer->getBuffer(), decoded->getBuffer(), decoded->getSize());
        longer->getBuffer()[decoded->getSize()] = '\n';
        stream.replaceStreamData(safeForFlate(longer), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        if (dictionary.hasKey("/Length1")) dictionary.replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(longer->getSize())));
        replaced.insert(stream.getObjGen());
        return true;
    }

    void rawStreams() {
        for (auto &object : pdf.getAllObjects()) {
            if (!object.isStream() || replaced.count(object.getObjGen())) continue;
            if (endsWithCR(*object.getRawStreamData())) makeSafe(object);
        }
    }

    // Changes an object in a way that means the same (a structure element's single kid with or
    // without an array around it; an optional /Type; a default value written out), so that the
    // object stream or cross-reference stream holding it compresses to other bytes.
    bool perturb(QPDFObjectHandle object) {
        if (!object.isDictionary() || !perturbed.insert(object.getObjGen()).second) return false;
        if (object.getKey("/S").isName() && object.hasKey("/P")) {   // a StructElem
            QPDFObjectHandle kids = object.getKey("/K");
            if (kids.isArray() && kids.getArrayNItems() == 1) object.replaceKey("/K", kids.getArrayItem(0));
            else if (!kids.isArray() && !kids.isNull()) object.replaceKey("/K", asArray(kids));
            else if (object.hasKey("/Type")) object.removeKey("/Type");
            else object.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
            return true;
        }
        if (object.getKey("/Subtype").isNameAndEquals("/Link")) {
            if (object.hasKey("/Type")) object.removeKey("/Type");
            else object.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
            return true;
        }
        if (object.getKey("/Type").isNameAndEquals("/Page")) {   // /Rotate 0 is the default
            if (QPDFPageObjectHelper(object).getAttribute("/Rotate", false).isNull()) {
                object.replaceKey("/Rotate", QPDFObjectHandle::newInteger(0));
                return true;
            }
            return false;
        }
        if (object.getKey("/Title").isString() && object.hasKey("/Parent")) {   // an outline item; /F 0 is the default
            if (object.hasKey("/F")) return false;
            object.replaceKey("/F", QPDFObjectHandle::newInteger(0));
            return true;
        }
        return false;
    }

    // Where stream data ends with a carriage return in a written file: with the line feed
    // libqpdf puts before `endstream`, those read `\r\nendstream`. A scan of the bytes.
    static std::vector<size_t> endingsWithCR(Buffer const &buffer) {
        std::vector<size_t> found;
        std::string_view bytes(reinterpret_cast<const char *>(buffer.getBuffer()), buffer.getSize());
        static constexpr std::string_view marker = "\r\nendstream";
        for (size_t at = bytes.find(marker); at != std::string_view::npos; at = bytes.find(marker, at + marker.size()))
            found.push_back(at);
        return found;
    }

    // Writes the file; if an object stream or the cross-reference stream that libqpdf made
    // ends with a carriage return (see safeForFlate), changes an object in it without changing
    // what it means and writes again. Each try leaves one such stream in 256; the output is as
    // deterministic as the input.
    std::unique_ptr<Buffer> write() {
        for (int attempt = 0;; ++attempt) {
            QPDFWriter writer(pdf);
            writer.setOutputMemory();
            writer.setObjectStreamMode(qpdf_o_generate);
            writer.setCompressStreams(true);          // the new, uncompressed streams; object streams
            writer.setDecodeLevel(qpdf_dl_none);      // every other stream is written as it is
            writer.setDeterministicID(true);
            writer.setLinearization(false);
            writer.setNewlineBeforeEndstream(true);   // PDF/A: an EOL before every endstream
            writer.write();
            std::unique_ptr<Buffer> buffer(writer.getBuffer());
            std::vector<size_t> endings = endingsWithCR(*buffer);
            // (After 16 tries, or with nothing to change, the file is still a valid PDF: only a
            // checker that reads CR LF there would count one byte less.)
            if (endings.empty() || attempt == 16) return buffer;

            // Which written streams those are: read the written file's cross-reference table
            // (its objects are not parsed) to find what each object stream holds.
            QPDF written;
            written.setSuppressWarnings(true);
            written.processMemoryFile("finished.pdf", reinterpret_cast<const char *>(buffer->getBuffer()), buffer->getSize());
            auto xref = written.getXRefTable();
            // The object each ending belongs to: the last object that starts before it.
            std::vector<std::pair<qpdf_offset_t, QPDFObjGen>> starts;
            for (auto const &entry : xref)
                if (entry.second.getType() == 1) starts.emplace_back(entry.second.getOffset(), entry.first);
            std::sort(starts.begin(), starts.end());
            std::vector<QPDFObjGen> bad;
            for (size_t ending : endings) {
                auto after = std::upper_bound(starts.begin(), starts.end(), std::make_pair(static_cast<qpdf_offset_t>(ending), QPDFObjGen()),
                                              [](auto const &a, auto const &b) { return a.first < b.first; });
                if (after != starts.begin()) bad.push_back(std::prev(after)->second);
            }
            std::map<QPDFObjGen, QPDFObjectHandle> original;   // written number -> object here
            for (auto &object : pdf.getAllObjects()) original[writer.getRenumberedObjGen(object.getObjGen())] = object;
            bool changedAny = false;
            for (QPDFObjGen const &stream : bad) {
                bool changed = false;
                bool objectStream = false;
                for (auto const &entry : xref) {
                    if (entry.second.getType() != 2 || entry.second.getObjStreamNumber() != stream.getObj()) continue;
                    objectStream = true;
                    auto found = original.find(entry.first);
                    if (found != original.end() && (changed = perturb(found->second))) break;
                }
                if (!objectStream) {
                    auto found = original.find(stream);
                    if (found != original.end() && found->second.isStream()) {
                        changed = makeSafe(found->second);
                    } else {   // the cross-reference stream: any object changes it
                        for (auto const &entry : original)
                            if ((changed = perturb(entry.second))) break;
                    }
                }
                changedAny = changedAny || changed;
            }
            if (!changedAny) return buffer;
        }
    }
};

char *copyMessage(std::string const &message) {
    char *copy = static_cast<char *>(std::malloc(message.size() + 1));
    if (copy) std::memcpy(copy, message.c_str(), message.size() + 1);
    return copy;
}

}   // namespace

extern "C" int pdf_finish(const unsigned char *bytes, size_t length, const pdf_finish_options *options, pdf_finish_result *result) {
    if (!result) return 1;
    *result = pdf_finish_result{};
    if (!bytes || !options) {
        result->error = copyMessage("pdf_finish: no PDF or no options");
        return 1;
    }
    try {
        Finisher finisher(*options);
        finisher.pdf.setSuppressWarnings(true);
        finisher.pdf.setAttemptRecovery(false);
        finisher.pdf.processMemoryFile("cairo.pdf", reinterpret_cast<const char *>(bytes), length);
        finisher.structureTree(finisher.pdf.getRoot().getKey("/StructTreeRoot"));
        finisher.catalogAndInfo();
        finisher.pages();
        finisher.rawStreams();
        std::unique_ptr<Buffer> out = finisher.write();
        // A dictionary with a key twice (Cairo names an image used twice twice in /XObject,
        // with the same value) is harmless and comes out once; anything else libqpdf had to
        // work around is a defect of the painter's PDF.
        for (auto const &warning : finisher.pdf.getWarnings()) {
            if (warning.getMessageDetail().find("duplicated key") == std::string::npos)
                throw std::runtime_error(std::string("libqpdf found problems in the PDF: ") + warning.what());
        }
        result->data = static_cast<unsigned char *>(std::malloc(out->getSize() ? out->getSize() : 1));
        if (!result->data) throw std::bad_alloc();
        std::memcpy(result->data, out->getBuffer(), out->getSize());
        result->length = out->getSize();
        result->artifact_sequences = finisher.artifacts;
        return 0;
    } catch (std::exception const &error) {
        result->error = copyMessage(error.what());
    } catch (...) {
        result->error = copyMessage("libqpdf failed");
    }
    return 1;
}

extern "C" void pdf_finish_result_free(pdf_finish_result *result) {
    if (!result) return;
    std::free(result->data);
    std::free(result->error);
    result->data = nullptr;
    result->error = nullptr;
    result->length = 0;
}
