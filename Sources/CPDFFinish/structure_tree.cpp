// The structure tree: the painter's attributes for each element (/Lang, /Alt, /ActualText, a
// TH cell's /Scope, the description of the links it holds), which Cairo 1.16 cannot write,
// found by counting elements in the order the painter opened their tags; and the parent tree
// made smaller.

#include "finisher.h"

#include <stdexcept>

namespace pdffinish {

// Walks the structure tree in preorder, as the painter opened the tags, and applies the
// attributes of each element.
void Finisher::structureTree(QPDFObjectHandle root) {
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

// make a thousand fewer objects for a long brief, and leave no object stream of arrays
// alone, which nothing could change if it compressed to end with a carriage return.
void Finisher::inlineParentTree(QPDFObjectHandle tree) {
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

void Finisher::apply(QPDFObjectHandle element, pdf_finish_element const &attributes) {
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

}   // namespace pdffinish
