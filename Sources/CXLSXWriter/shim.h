#ifndef REPORT_CXLSXWRITER_SHIM_H
#define REPORT_CXLSXWRITER_SHIM_H

/* libxlsxwriter (Debian: libxlsxwriter-dev): the workbook of `report xlsx`. */
#include <xlsxwriter.h>

#endif
