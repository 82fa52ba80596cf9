/// Renders the help text of a command from its description and its options table.
enum HelpText {
    /// The total width that help text wraps at, in columns.
    static let width = 80

    /// The widest label column before a description moves to the next line, in columns.
    static let maxLabelWidth = 24

    /// The indentation of option descriptions below their flag, in columns.
    static let descriptionIndent = 6

    /// Returns the full name of the last command of `path`, such as `doorman user create`.
    static func fullName(_ path: [Command]) -> String {
        path.map(\.name).joined(separator: " ")
    }

    /// Renders the help of the last command of `path`, the commands from the root to it.
    static func render(_ path: [Command]) -> String {
        let command = path[path.count - 1]
        let name = fullName(path)
        var sections = ["OVERVIEW: " + command.abstract]
        if !command.discussion.isEmpty {
            sections.append(paragraphs(command.discussion))
        }

        sections.append(usage(command, name: name))
        // Options get their description below the flag, so long flags leave room for the
        // `env: ..., default: ...` line, which stays on one line for grep.
        let rows = commandOptionRows(command) + settingRows(command)
        let hasOptions = !command.options.isEmpty || !command.commandOptions.isEmpty
        sections.append("OPTIONS:\n" + (hasOptions ? stacked(rows) : table(rows)))
        sections += closingSections(path)
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// Returns the subcommand list of a group, or the precedence rule of a command with options.
    private static func closingSections(_ path: [Command]) -> [String] {
        let command = path[path.count - 1]
        if !command.subcommands.isEmpty {
            let rows = command.subcommands.map { (label: $0.name, lines: [$0.abstract]) }
            let helpCommand = ([path[0].name, "help"] + path.dropFirst().map(\.name)).joined(separator: " ")
            return ["SUBCOMMANDS:\n" + table(rows), "  See '\(helpCommand) <subcommand>' for detailed help."]
        }
        if !command.options.isEmpty {
            return ["Flags override environment variables, which override the defaults."]
        }
        return []
    }

    /// Wraps each paragraph of `text`, paragraphs being separated by blank lines.
    private static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n\n")
            .map { wrap(String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n\n")
    }

    /// Returns the usage line: the command, its required options, and `[<options>]` when it has others.
    ///
    /// A line longer than `width` wraps between options, never inside one, with continuation lines
    /// indented under the command name.
    private static func usage(_ command: Command, name: String) -> String {
        guard command.subcommands.isEmpty else {
            return "USAGE: \(name) <subcommand>"
        }

        var parts: [String] = []
        for option in command.commandOptions where option.isRequired {
            parts.append(option.label + (option.kind == .repeatableString ? " ..." : ""))
        }
        if !command.options.isEmpty || command.commandOptions.contains(where: { !$0.isRequired }) {
            parts.append("[<options>]")
        }

        let indent = String(repeating: " ", count: "USAGE: ".count)
        var lines = ["USAGE: \(name)"]
        for part in parts {
            if lines[lines.count - 1].count + 1 + part.count <= width {
                lines[lines.count - 1] += " " + part
            } else {
                lines.append(indent + part)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Returns one row per option of the command itself: the flag, help, accepted values and default.
    private static func commandOptionRows(_ command: Command) -> [(label: String, lines: [String])] {
        command.commandOptions.map { option in
            var details: [String] = []
            if option.kind == .repeatableString {
                details.append("repeatable")
            }
            if let unit = option.unit {
                details.append("unit: \(unit)")
            }
            details.append(option.defaultDescription.map { "default: \($0)" } ?? "required")

            var lines = [option.help]
            if option.takesValue {
                lines.append("accepts: \(option.expected)")
            }
            lines.append(details.joined(separator: ", "))
            return (label: option.label, lines: lines)
        }
    }

    /// Returns one row per setting: the flag with its value placeholder, then help and defaults, and
    /// the rows of `--version` and `--help`.
    private static func settingRows(_ command: Command) -> [(label: String, lines: [String])] {
        var rows = command.options.map { option in
            var details = "env: \(option.environmentVariable)"
            if let unit = option.unit {
                details += ", unit: \(unit)"
            }
            details += ", default: \(option.defaultDescription)"
            let lines = [option.help, "accepts: \(option.expected)", details]
            return (label: "\(option.flag) <\(option.valueName)>", lines: lines)
        }
        if command.version != nil {
            rows.append((label: "--version", lines: ["Show the version."]))
        }
        rows.append((label: "-h, --help", lines: ["Show help information."]))
        return rows
    }

    /// Lays out rows as a label line followed by its description lines, indented and wrapped.
    private static func stacked(_ rows: [(label: String, lines: [String])]) -> String {
        let indent = String(repeating: " ", count: descriptionIndent)
        var output: [String] = []
        for row in rows {
            output.append("  " + row.label)
            output += row.lines.flatMap { wrap($0, width: width - indent.count) }.map { indent + $0 }
        }
        return output.joined(separator: "\n")
    }

    /// Lays out rows in two columns, wrapping each description line to the remaining width.
    private static func table(_ rows: [(label: String, lines: [String])]) -> String {
        let labelWidth = min(rows.map(\.label.count).max() ?? 0, maxLabelWidth)
        let indent = String(repeating: " ", count: 2 + labelWidth + 2)
        var output: [String] = []

        for row in rows {
            let text = row.lines.flatMap { wrap($0, width: width - indent.count) }
            if row.label.count > labelWidth {
                output.append("  " + row.label)
                output += text.map { indent + $0 }
                continue
            }
            let padding = String(repeating: " ", count: labelWidth - row.label.count + 2)
            output.append("  " + row.label + padding + (text.first ?? ""))
            output += text.dropFirst().map { indent + $0 }
        }
        return output.joined(separator: "\n")
    }

    /// Splits `text` into lines of at most `width` characters at spaces; a longer word gets its own line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty {
            lines.append(current)
        }
        return lines
    }
}
