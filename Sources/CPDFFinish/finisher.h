// Private to CPDFFinish: what the files of the finishing step share. `Finisher` holds the PDF
// that libqpdf read and the state the passes hand on to each other (annotation descriptions
// from the structure tree to the pages, the streams already rewritten, the objects changed for
// a stream's last byte); each pass is defined in the file that its name says:
//
//   structure_tree.cpp  element attributes (/Lang, /Alt, /ActualText, /Scope, link text), parent tree
//   metadata.cpp        catalog, Info dictionary, XMP packet, output intent
//   pages.cpp           annotations, and the artifact filter over every page's content, threaded
//   artifact_filter.cpp the content-stream filter that wraps untagged content in /Artifact
//   resources.cpp       fonts' /CIDToGIDMap, images' /Interpolate, streams copied as they are
//   writer.cpp          the writer, and keeping every stream from ending with a carriage return
//   pdf_finish.cpp      the C entry point, in this order

#ifndef REPORT_PDF_FINISHER_H
#define REPORT_PDF_FINISHER_H

#include "pdf_finish.h"

// qpdf 11: no PointerHolder in these files (std::shared_ptr only), which silences its transition warning.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace pdffinish {

inline std::string text(const char *value) { return value ? std::string(value) : std::string(); }

// The carriage-return rule (writer.cpp): whether stored data ends with CR, whether its Flate
// encoding would, and the data with a line feed after it when it would.
bool endsWithCR(Buffer const &data);
bool flateEndsWithCR(unsigned char const *data, size_t length);
std::shared_ptr<Buffer> safeForFlate(std::shared_ptr<Buffer> data);
// safeForFlate(data), Flate-encoded as libqpdf's writer would (zlib's default level): for
// streams compressed on all cores, which the writer then copies as they are.
std::shared_ptr<Buffer> deflateSafe(std::shared_ptr<Buffer> data);

// One content stream's decoded bytes with untagged content wrapped in /Artifact BMC … EMC
// (artifact_filter.cpp); adds the sequences it opened to `*count`. Touches no QPDF object, so
// threads may run it at once.
std::shared_ptr<Buffer> filterArtifacts(unsigned char const *data, size_t length, size_t *count);

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

    // structure_tree.cpp
    void structureTree(QPDFObjectHandle root);
    void inlineParentTree(QPDFObjectHandle tree);
    void apply(QPDFObjectHandle element, pdf_finish_element const &attributes);
    // metadata.cpp
    void catalogAndInfo();
    // pages.cpp
    void pages();
    void artifactsIn(std::vector<QPDFObjectHandle> &streams);
    // resources.cpp
    void resources(QPDFObjectHandle resources, std::set<QPDFObjGen> &seenFonts, std::set<QPDFObjGen> &seenForms);
    bool makeSafe(QPDFObjectHandle stream);
    void rawStreams();
    // writer.cpp
    bool perturb(QPDFObjectHandle object);
    static std::vector<size_t> endingsWithCR(Buffer const &buffer);
    std::unique_ptr<Buffer> write();
};

}   // namespace pdffinish

#endif
