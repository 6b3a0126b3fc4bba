// Fonts, images and the streams libqpdf copies as they are: what PDF/A and PDF/UA want written
// out in Cairo's resources, and a line feed after the data of a stream that would otherwise
// end with a carriage return.

#include "finisher.h"

#include <cstring>

namespace pdffinish {

// CIDFontType2 fonts without /CIDToGIDMap: the default is Identity (ISO 32000-1 9.7.4.2),
// which is what Cairo's TrueType subsets are numbered for; PDF/A and PDF/UA want it written.
// Images: no /Interpolate. Form XObjects' resources likewise.
void Finisher::resources(QPDFObjectHandle resources, std::set<QPDFObjGen> &seenFonts, std::set<QPDFObjGen> &seenForms) {
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

// Streams that libqpdf copies as they are (Cairo's fonts, ToUnicode maps, forms): one whose
// data ends with a carriage return is decoded and gets a line feed after its bytes, where
// that means nothing (text, a font program after its last table); images are left alone.
bool Finisher::makeSafe(QPDFObjectHandle stream) {
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

void Finisher::rawStreams() {
    for (auto &object : pdf.getAllObjects()) {
        if (!object.isStream() || replaced.count(object.getObjGen())) continue;
        if (endsWithCR(*object.getRawStreamData())) makeSafe(object);
    }
}

}   // namespace pdffinish
