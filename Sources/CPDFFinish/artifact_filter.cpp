// The content-stream filter: Cairo writes marked content only for leaf structure elements, so
// whatever the painter draws outside them (running headers and footers, rules, fills) sits at
// marked-content depth 0, which PDF/UA forbids. This wraps it in /Artifact BMC … EMC, token by
// token through libqpdf's tokenizer, and leaves the tagged sequences as they are.

#include "finisher.h"

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <string>
#include <vector>

namespace pdffinish {
namespace {

using Token = QPDFTokenizer::Token;

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

}   // namespace

std::shared_ptr<Buffer> filterArtifacts(unsigned char const *data, size_t length, size_t *count) {
    Pl_Buffer buffer("content");
    ArtifactFilter filter(count);
    Pl_QPDFTokenizer tokenizer("content", &filter, &buffer);
    tokenizer.write(data, length);
    tokenizer.finish();
    return buffer.getBufferSharedPointer();
}

}   // namespace pdffinish
