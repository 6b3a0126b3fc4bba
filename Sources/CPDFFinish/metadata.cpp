// The document's metadata: the catalog's /Lang, /ViewerPreferences and /MarkInfo, the Info
// dictionary, an XMP packet that says the same (PDF/A requires them to agree) with the PDF/A
// and PDF/UA identification, and the sRGB output intent PDF/A needs for device colours.

#include "finisher.h"

#include <cstring>
#include <stdexcept>

namespace pdffinish {
namespace {

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

}   // namespace

void Finisher::catalogAndInfo() {
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

}   // namespace pdffinish
