/// Returns the first `maximumScalars` Unicode scalars of `text`, quoted and with control characters escaped, for an
/// error message or a log line that echoes request text.
///
/// The cap counts scalars, not `Character`s: one `Character` can hold any number of combining marks, so
/// `prefix(_:)` on a `String` bounds neither the bytes nor the scalars of the excerpt.
func boundedExcerpt(_ text: String, maximumScalars: Int) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.prefix(maximumScalars))
    return String(reflecting: String(scalars))
}
