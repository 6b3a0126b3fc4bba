#ifndef REPORT_PDF_FINISH_H
#define REPORT_PDF_FINISH_H

/* The finishing step of the brief: what Cairo 1.16 cannot write into a tagged PDF, added with
   libqpdf (artifacts around untagged content, /Lang, XMP metadata, output intent, tab order,
   annotation flags and descriptions, structure attributes, CID-to-GID maps, object streams,
   a deterministic trailer /ID). A plain C interface, so that Swift calls it without C++ interop. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Which headers a TH cell is the header of (/A << /O /Table /Scope … >>). */
typedef enum {
    PDF_FINISH_SCOPE_NONE = 0,
    PDF_FINISH_SCOPE_ROW = 1,
    PDF_FINISH_SCOPE_COLUMN = 2,
    PDF_FINISH_SCOPE_BOTH = 3
} pdf_finish_scope;

/* Attributes for one structure element. `index` counts StructElem dictionaries in a depth-first
   preorder walk from the StructTreeRoot's /K (0 = the first element, normally Document): the
   order in which the painter called cairo_tag_begin. Strings are UTF-8; NULL leaves the entry out. */
typedef struct {
    long index;
    const char *language;      /* /Lang, BCP 47 */
    const char *alt;           /* /Alt */
    const char *actual_text;   /* /ActualText */
    pdf_finish_scope scope;    /* TH only */
    const char *link_contents; /* /Contents of the Link annotations the element refers to (OBJR) */
} pdf_finish_element;

/* The document's metadata, written to the Info dictionary and the XMP packet alike. Strings are
   UTF-8; NULL or "" leaves an entry out (except language and title, which PDF/UA requires). */
typedef struct {
    const char *language;   /* catalog /Lang and dc:language, BCP 47 ("zh-TW") */
    const char *title;      /* /Title, dc:title */
    const char *subject;    /* /Subject, dc:description */
    const char *author;     /* /Author, dc:creator */
    const char *creator;    /* /Creator, xmp:CreatorTool */
    const char *keywords;   /* /Keywords, pdf:Keywords */
    const char *producer;   /* /Producer, pdf:Producer; NULL: the Producer Cairo wrote, plus libqpdf */
    const char *date;       /* ISO 8601 with offset ("2021-03-23T00:00:00+08:00"): creation and modification */
    const unsigned char *icc_profile; /* an RGB ICC profile for the sRGB output intent */
    size_t icc_profile_length;
    const pdf_finish_element *elements;
    size_t element_count;
} pdf_finish_options;

/* The finished file (allocated with malloc) or why there is none. */
typedef struct {
    unsigned char *data;
    size_t length;
    char *error;              /* NULL on success */
    size_t artifact_sequences; /* how many /Artifact sequences were added (for tests and --verbose) */
} pdf_finish_result;

/* Finishes the PDF in `pdf`; returns 0 on success, nonzero with `result->error` set otherwise.
   The output depends only on the input bytes and the options. */
int pdf_finish(const unsigned char *pdf, size_t length, const pdf_finish_options *options, pdf_finish_result *result);

/* Frees what pdf_finish put in `result`. */
void pdf_finish_result_free(pdf_finish_result *result);

#ifdef __cplusplus
}
#endif

#endif
