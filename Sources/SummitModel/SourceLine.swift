/// One physical line of a summit file, with its 1-based line number.
struct SourceLine {
    var number: Int
    var scalars: ArraySlice<Unicode.Scalar>
    /// True when a form feed (a page break) came just before this line.
    var startsPage = false
}
