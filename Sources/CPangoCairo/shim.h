#ifndef REPORT_CPANGOCAIRO_SHIM_H
#define REPORT_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <pango/pangocairo.h>
#include <hb.h>
#include <hb-subset.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <zlib.h>
#include <sys/types.h>

/* GObject casts are macros and do not import into Swift. */
static inline void report_object_unref(void *object) { g_object_unref(object); }
static inline void *report_object_ref(void *object) { return g_object_ref(object); }

/* HB_TAG is a macro. */
static inline hb_tag_t report_hb_tag(char a, char b, char c, char d) { return HB_TAG(a, b, c, d); }

#endif
