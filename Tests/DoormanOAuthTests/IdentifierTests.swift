import DoormanCrypto
import DoormanOAuth
import Testing

struct IdentifierTests {
    @Test(arguments: [
        (IdentifierKind.user, "user_"),
        (.company, "biz_"),
        (.product, "prod_"),
        (.plan, "plan_"),
        (.membership, "mem_"),
        (.webApp, "exp_"),
        (.client, "app_"),
    ])
    func madeIdentifierHasPrefixAndSyntax(kind: IdentifierKind, prefix: String) {
        let identifier = Identifier.make(kind)

        #expect(kind.prefix == prefix)
        #expect(identifier.hasPrefix(prefix))
        #expect(identifier.count == prefix.count + 22)
        #expect(Identifier.isValid(identifier, kind: kind))
    }

    @Test func madeIdentifiersDiffer() {
        let identifiers = Set((0..<100).map { _ in Identifier.make(.user) })

        #expect(identifiers.count == 100)
    }

    @Test func injectedRandomSourceIsUsed() {
        let identifier = Identifier.make(.membership, using: FixedRandomSource(byte: 0))

        #expect(identifier == "mem_AAAAAAAAAAAAAAAAAAAAAA")
    }

    @Test(arguments: [
        ("prod_abc", IdentifierKind.product, true),
        ("prod_", .product, false),
        ("prod_a/b", .product, false),
        ("prod_a.b", .product, false),
        ("prod_a b", .product, false),
        ("prod_é", .product, false),
        ("exp_abc", .product, false),
        ("PROD_abc", .product, false),
        ("prod_" + String(repeating: "a", count: 64), .product, true),
        ("prod_" + String(repeating: "a", count: 65), .product, false),
    ])
    func identifierSyntax(identifier: String, kind: IdentifierKind, valid: Bool) {
        #expect(Identifier.isValid(identifier, kind: kind) == valid)
    }
}
