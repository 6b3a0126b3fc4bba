/*
 * The floor: the least a Pango/Cairo program must do to print the same summaries.
 *
 * It reads paragraphs (one per line, as bench/run extracts them from the peers' JSON),
 * lets Pango shape and break each one (Noto Sans CJK TC 10.5 pt, zh-TW, A4 with 20 mm
 * margins, the same setup as the report) and paints them with pango_cairo_show_layout
 * into a PDF, starting a new page when one is full. No model, no analysis, no tables,
 * no contents, no font subsetting of our own: report's time divided by this one says how
 * much of it is ours.
 *
 * Build: gcc -O2 floor.c -o floor $(pkg-config --cflags --libs pangocairo)
 * Usage: floor PARAGRAPHS.txt OUT.pdf
 */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor PARAGRAPHS.txt OUT.pdf\n");
        return 64;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 66; }

    const double width = 595.2756, height = 841.8898, margin = 56.69, top = 68, bottom = 62;
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[2], width, height);
    cairo_t *cr = cairo_create(surface);
    PangoContext *context = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_language(context, pango_language_from_string("zh-tw"));
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans CJK TC 10.5");
    PangoLayout *layout = pango_layout_new(context);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, (int)((width - 2 * margin) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(layout, (int)(7 * PANGO_SCALE));

    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    double y = top;
    while ((length = getline(&line, &capacity, in)) > 0) {
        if (line[length - 1] == '\n') line[--length] = 0;
        if (length == 0) continue;
        pango_layout_set_text(layout, line, (int)length);
        int w, h;
        pango_layout_get_size(layout, &w, &h);
        double paragraph = (double)h / PANGO_SCALE;
        if (y + paragraph > height - bottom && y > top) {
            cairo_show_page(cr);
            y = top;
        }
        cairo_move_to(cr, margin, y);
        pango_cairo_show_layout(cr, layout);
        y += paragraph + 6;
    }
    cairo_show_page(cr);
    free(line);
    fclose(in);
    g_object_unref(layout);
    g_object_unref(context);
    pango_font_description_free(font);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    int status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    return status == CAIRO_STATUS_SUCCESS ? 0 : 74;
}
