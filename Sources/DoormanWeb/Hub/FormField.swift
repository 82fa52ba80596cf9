/// Labeled form inputs whose error message, if any, sits right below the input.
///
/// The message is tied to the input with `aria-describedby`, so screen readers announce it with the field.
enum FormField {
    /// Returns a label and an input.
    ///
    /// - Parameters:
    ///   - id: The element id, unique on the page, such as `plan-price`.
    ///   - name: The form field name.
    ///   - type: The input type, such as `text`, `password`, `email`, `url` or `number`.
    ///   - value: The value to fill in, such as the text typed before a failed submission.
    ///   - error: The message to show below the input, or nil.
    ///   - hint: A short explanation shown below the input, or nil.
    ///   - attributes: Further trusted attributes, such as `required` or `autocomplete="username"`.
    static func input(
        id: String, name: String, label: String, type: String = "text", value: String = "", error: String? = nil,
        hint: String? = nil, attributes: HTML = .empty
    ) -> HTML {
        """
        <label for="\(id)">\(label)</label>
        <input id="\(id)" name="\(name)" type="\(type)" value="\(value)"\
        \(describedBy(id: id, error: error, hint: hint)) \(attributes)>
        \(notes(id: id, error: error, hint: hint))
        """
    }

    /// Returns a label and a drop-down list of `options`, with `selected` chosen and `error` below it.
    static func select(
        id: String, name: String, label: String, options: [(value: String, label: String)], selected: String,
        error: String? = nil
    ) -> HTML {
        let items = options.map { option -> HTML in
            let mark: HTML = option.value == selected ? " selected" : .empty
            return "<option value=\"\(option.value)\"\(mark)>\(option.label)</option>"
        }
        return """
            <label for="\(id)">\(label)</label>
            <select id="\(id)" name="\(name)"\(describedBy(id: id, error: error, hint: nil))>
            \(items)
            </select>
            \(notes(id: id, error: error, hint: nil))
            """
    }

    private static func describedBy(id: String, error: String?, hint: String?) -> HTML {
        var described: [String] = []
        if error != nil {
            described.append(id + "-error")
        }
        if hint != nil {
            described.append(id + "-hint")
        }
        guard !described.isEmpty else {
            return .empty
        }
        let invalid: HTML = error != nil ? " aria-invalid=\"true\"" : .empty
        return " aria-describedby=\"\(described.joined(separator: " "))\"\(invalid)"
    }

    private static func notes(id: String, error: String?, hint: String?) -> HTML {
        var fragments: [HTML] = []
        if let error {
            fragments.append("<p class=\"field-error\" id=\"\(id)-error\" role=\"alert\">\(error)</p>")
        }
        if let hint {
            fragments.append("<p class=\"hint\" id=\"\(id)-hint\">\(hint)</p>")
        }
        return HTML(joining: fragments)
    }
}
