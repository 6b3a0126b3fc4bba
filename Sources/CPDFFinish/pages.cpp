// The pages: annotations get /F (print) and their descriptions, pages with annotations /Tabs
// /S, and every page's content goes through the artifact filter on all cores.

#include "finisher.h"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

namespace pdffinish {

void Finisher::pages() {
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

// Runs the artifact filter over the content streams: libqpdf decodes them all here, the
// filter and deflate run on all cores at once (they touch no QPDF object, only bytes through
// Pl_QPDFTokenizer and zlib), and the results go back into the streams in page order, so the
// output does not depend on the threads. Tokenizing is a large part of the finisher's time
// (1,446 pages of a long brief hold 11 MB of content); the decoded pages are held at once,
// which costs their size in memory and keeps every core busy to the end.
void Finisher::artifactsIn(std::vector<QPDFObjectHandle> &streams) {
    size_t threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::shared_ptr<Buffer>> input(streams.size()), output(streams.size());
    std::vector<size_t> counts(streams.size(), 0);
    std::vector<std::string> errors(streams.size());
    for (size_t i = 0; i < streams.size(); ++i) input[i] = streams[i].getStreamData(qpdf_dl_generalized);
    std::atomic<size_t> next{0};
    auto work = [&]() {
        for (size_t i; (i = next++) < input.size();) {
            try {
                output[i] = deflateSafe(filterArtifacts(input[i]->getBuffer(), input[i]->getSize(), &counts[i]));
                input[i].reset();
            } catch (std::exception const &error) {
                errors[i] = error.what();
            }
        }
    };
    std::vector<std::thread> workers;
    for (size_t t = 1; t < std::min(threads, input.size()); ++t) workers.emplace_back(work);
    work();
    for (auto &worker : workers) worker.join();
    for (size_t i = 0; i < streams.size(); ++i) {
        if (!errors[i].empty()) throw std::runtime_error("page " + std::to_string(i + 1) + ": " + errors[i]);
        // Compressed here, on all cores: the writer copies it as it is.
        streams[i].replaceStreamData(output[i], QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        replaced.insert(streams[i].getObjGen());
        artifacts += counts[i];
    }
}

}   // namespace pdffinish
