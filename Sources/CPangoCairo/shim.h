#ifndef REPORT_CPANGOCAIRO_SHIM_H
#define REPORT_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* GObject casts are macros and do not import into Swift. */
static inline void report_object_unref(void *object) { g_object_unref(object); }
static inline void *report_object_ref(void *object) { return g_object_ref(object); }

#endif
