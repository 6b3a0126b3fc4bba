/*
 * "Before": a paragraph set the way plain Pango justifies it (pango_layout_set_justify),
 * for comparison with report's own line breaking and justification. Renders a PNG.
 *
 * Build: gcc -O2 plain-pango.c -o plain-pango $(pkg-config --cflags --libs pangocairo)
 * Usage: plain-pango "TEXT" WIDTH_PT OUT.png
 */
#include <pango/pangocairo.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 4) return 64;
    const double scale = 2.0, width = atof(argv[2]);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)((width + 20) * scale), (int)(140 * scale));
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    PangoContext *context = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_language(context, pango_language_from_string("zh-tw"));
    PangoLayout *layout = pango_layout_new(context);
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans CJK TC 10.5");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout, TRUE);
    pango_layout_set_spacing(layout, (int)(7.35 * PANGO_SCALE));
    pango_layout_set_text(layout, argv[1], -1);
    cairo_set_source_rgb(cr, 0.1, 0.12, 0.14);
    cairo_move_to(cr, 10, 10);
    pango_cairo_show_layout(cr, layout);
    cairo_surface_write_to_png(surface, argv[3]);
    return 0;
}
