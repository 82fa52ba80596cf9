/// A command of a command-line tool: its name, help, options and subcommands.
///
/// The fields follow swift-argument-parser's `CommandConfiguration`. A command with subcommands
/// is a group, such as `doorman user`: it runs nothing itself, and invoking it without a
/// subcommand shows its help. A command without subcommands parses `options` into a `Configuration`
/// and `commandOptions` into `ParsedOptions`.
public struct Command: Sendable {
    /// The word that invokes the command, such as `serve`, or the tool's name for the root command.
    public var name: String

    /// One sentence for the command list and the top of the help text.
    public var abstract: String

    /// Further paragraphs of help text, or empty.
    public var discussion: String

    /// The settings that the command accepts as flags and environment variables.
    public var options: [ConfigurationOption]

    /// The options of this command alone, such as `--username`, which have no environment variable.
    public var commandOptions: [CommandOption]

    /// The commands nested under this one, such as `create` under `user`.
    public var subcommands: [Command]

    /// The text that `--version` prints, or `nil` when the command has no `--version` flag.
    public var version: String?

    /// Creates a command description.
    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        options: [ConfigurationOption] = [],
        commandOptions: [CommandOption] = [],
        subcommands: [Command] = [],
        version: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.commandOptions = commandOptions
        self.subcommands = subcommands
        self.version = version
    }

    /// Returns the direct subcommand called `name`.
    func subcommand(named name: String) -> Command? {
        subcommands.first { $0.name == name }
    }
}
