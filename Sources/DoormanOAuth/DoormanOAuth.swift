/// The OAuth rules: grants, codes, tokens, redirect URI matching and membership validity.
/// This layer performs no I/O, so every rule is testable without a server or a database.
public enum DoormanOAuth {}
