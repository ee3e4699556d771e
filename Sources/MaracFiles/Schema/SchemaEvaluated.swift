import MaracJSON

extension SchemaEvaluator {
    /// The members or items of one value that a schema evaluated.
    struct Evaluated {
        var members: [Bool]
        var items: [Bool]

        init(_ view: SchemaView<Value>) {
            switch view {
            case .object(let members): self.members = Array(repeating: false, count: members.count); items = []
            case .array(let items): members = []; self.items = Array(repeating: false, count: items.count)
            default: members = []; items = []
            }
        }

        mutating func merge(_ other: Evaluated) {
            for i in members.indices where other.members[i] { members[i] = true }
            for i in items.indices where other.items[i] { items[i] = true }
        }

        mutating func markMembers() {
            for i in members.indices { members[i] = true }
        }

        mutating func markItems(upTo count: Int) {
            for i in 0..<min(count, items.count) { items[i] = true }
        }
    }
}
