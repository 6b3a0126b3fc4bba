import CPDFFinish
import Foundation
import ReportLayout

/// The last step of a brief: what Cairo 1.16 cannot write, added with libqpdf (the C++ target
/// `CPDFFinish`), so the file passes PDF/UA-1 and PDF/A-2u.
///
/// Cairo writes structure elements and marked content for leaf elements only; everything drawn
/// outside them (running headers, footers, rules, fills) is at marked-content depth 0, which
/// PDF/UA forbids. The finisher wraps that in `/Artifact` marked content, sets the catalog's
/// `/Lang`, `/ViewerPreferences`, `/MarkInfo`, an XMP packet equal to the Info dictionary, an sRGB
/// output intent, `/Tabs /S` and print flags on annotations, link descriptions, structure
/// attributes, `/CIDToGIDMap` on TrueType CID fonts, and writes object streams with a trailer
/// `/ID` computed from the content: the same input gives the same bytes. Cairo's bytes are read
/// as a PDF by libqpdf, never edited by hand.
///
/// The painter calls it once, after `cairo_surface_finish`, on the whole file:
///
///     let finished = try PDFFinisher.finish(cairoBytes, PDFFinishing(
///         language: metadata.language, title: metadata.title, subject: metadata.subject,
///         author: metadata.author, creator: metadata.creator, keywords: metadata.keywords,
///         date: metadata.date, elements: attributes))
///
/// where `attributes[n]` belongs to the structure element of the n-th `cairo_tag_begin` call
/// (counting every tag but `CAIRO_TAG_DEST`; `Link` tags count, they are elements too).
/// Content drawn while no leaf tag is open becomes an artifact; content drawn while one is open
/// belongs to it, and on a page that a leaf element continues onto, Cairo reopens the leaf's
/// marked content at the top of the page: draw that page's furniture after the leaf ends.
public enum PDFFinisher {
    /// The finished PDF, or why it could not be made (a missing ICC profile names its package).
    public static func finish(_ pdf: [UInt8], _ finishing: PDFFinishing) throws(RenderError) -> [UInt8] {
        guard let profile = FileManager.default.contents(atPath: finishing.colorProfile) else {
            throw RenderError("the sRGB colour profile \(finishing.colorProfile) is missing: install the Debian package \(PDFFinishing.colorProfilePackage) (apt-get install \(PDFFinishing.colorProfilePackage))")
        }
        let strings = CStrings()
        let elements = finishing.elements.sorted { $0.key < $1.key }.map { index, attributes in
            pdf_finish_element(index: index, language: strings.add(attributes.language), alt: strings.add(attributes.alt),
                               actual_text: strings.add(attributes.actualText), scope: attributes.scope.finishScope,
                               link_contents: strings.add(attributes.linkContents))
        }
        var result = pdf_finish_result()
        defer { pdf_finish_result_free(&result) }
        let status = profile.withUnsafeBytes { icc in
            elements.withUnsafeBufferPointer { elementBuffer in
                var options = pdf_finish_options(
                    language: strings.add(finishing.language), title: strings.add(finishing.title),
                    subject: strings.add(finishing.subject), author: strings.add(finishing.author),
                    creator: strings.add(finishing.creator), keywords: strings.add(finishing.keywords.joined(separator: ", ")),
                    producer: nil, date: strings.add(finishing.date),
                    icc_profile: icc.bindMemory(to: UInt8.self).baseAddress, icc_profile_length: icc.count,
                    elements: elementBuffer.baseAddress, element_count: elementBuffer.count)
                return pdf.withUnsafeBufferPointer { input in
                    pdf_finish(input.baseAddress, input.count, &options, &result)
                }
            }
        }
        withExtendedLifetime(strings) {}
        guard status == 0, let data = result.data else {
            throw RenderError("finishing the PDF failed: \(result.error.map { String(cString: $0) } ?? "libqpdf gave no reason")")
        }
        return Array(UnsafeBufferPointer(start: data, count: result.length))
    }
}

/// C strings that live as long as this object: the options hold pointers into them.
private final class CStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    deinit { for pointer in pointers { free(pointer) } }

    func add(_ string: String?) -> UnsafePointer<CChar>? {
        guard let string, let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return UnsafePointer(pointer)
    }
}

private extension Optional where Wrapped == StructureRole.HeaderScope {
    var finishScope: pdf_finish_scope {
        switch self {
        case .row: PDF_FINISH_SCOPE_ROW
        case .column: PDF_FINISH_SCOPE_COLUMN
        case .both: PDF_FINISH_SCOPE_BOTH
        case nil: PDF_FINISH_SCOPE_NONE
        }
    }
}
