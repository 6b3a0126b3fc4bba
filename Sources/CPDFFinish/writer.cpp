// The writer, and what keeps a stream of the written file from ending with a carriage return
// (which PDF/A checkers misread before `endstream`): the rule for the streams this step
// compresses, and for the object streams and cross-reference stream libqpdf makes, a change
// that means nothing to one of their objects and a second write.

#include "finisher.h"

#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include <zlib.h>

namespace pdffinish {
namespace {

QPDFObjectHandle asArray(QPDFObjectHandle value) {
    if (value.isArray()) return value.shallowCopy();
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!value.isNull()) array.appendItem(value);
    return array;
}

}   // namespace

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

std::shared_ptr<Buffer> deflateSafe(std::shared_ptr<Buffer> data) {
    data = safeForFlate(std::move(data));
    uLong bound = compressBound(static_cast<uLong>(data->getSize()));
    auto compressed = std::make_shared<Buffer>(bound);
    uLongf length = bound;
    if (compress2(compressed->getBuffer(), &length, data->getBuffer(), static_cast<uLong>(data->getSize()), Z_DEFAULT_COMPRESSION) != Z_OK)
        throw std::runtime_error("deflate failed");
    auto exact = std::make_shared<Buffer>(length);
    std::memcpy(exact->getBuffer(), compressed->getBuffer(), length);
    return exact;
}

// Changes an object in a way that means the same (a structure element's single kid with or
// without an array around it; an optional /Type; a default value written out), so that the
// object stream or cross-reference stream holding it compresses to other bytes.
bool Finisher::perturb(QPDFObjectHandle object) {
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
std::vector<size_t> Finisher::endingsWithCR(Buffer const &buffer) {
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
std::unique_ptr<Buffer> Finisher::write() {
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

}   // namespace pdffinish
