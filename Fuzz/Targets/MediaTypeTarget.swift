import DoormanHTTP

extension FuzzTarget {
    /// `MediaType.parse`, the parser of `Content-Type` headers.
    ///
    /// Checks that the type, subtype and parameter names are lowercase tokens, that `description` parses back to an
    /// equal media type, and that `hasEssence` accepts the type's own essence.
    static let mediaType = FuzzTarget(name: "media-type") { bytes in
        guard let mediaType = try? MediaType.parse(bytes) else {
            return
        }

        for token in [mediaType.type, mediaType.subtype] + mediaType.parameters.map(\.name) {
            check(!token.isEmpty && token.utf8.allSatisfy(isTokenCharacter), "\(excerpt(token)) is not a token")
            check(!token.utf8.contains { (0x41...0x5A).contains($0) }, "\(excerpt(token)) is not lowercased")
        }
        check(mediaType.parameters.count <= MediaType.maximumParameterCount, "more parameters than the limit")

        let text = mediaType.description
        check((try? MediaType.parse(text)) == mediaType, "the description \(excerpt(text)) parses to another type")
        check(mediaType.hasEssence(mediaType.essence.uppercased()), "hasEssence rejects the type's own essence")
    }
}
