// The C entry point of the finishing step: everything a PDF/UA-1 and PDF/A-2u brief needs that
// Cairo 1.16 cannot write, added through libqpdf's object model (never by editing Cairo's
// bytes), pass by pass (see finisher.h for which file holds which). See include/pdf_finish.h
// for the interface and Sources/ReportRender/PDFFinisher.swift for why.

#include "finisher.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

using pdffinish::Finisher;

namespace {

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
