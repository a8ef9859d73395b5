/// A branch-and-bound node: the segment boxes that differ from the root, plus its bound.
struct BranchNode {
    /// Box restriction for one segment; later entries for the same segment are nested inside earlier ones.
    struct BoxOverride {
        var index: Int
        var lower: Double
        var upper: Double
    }

    /// The path of box restrictions from the root.
    var overrides: [BoxOverride]
    /// Proven upper bound on the best plan inside this node.
    var upperBound: Double
    /// Segment to split and where (from the node's relaxed solution).
    var branchIndex: Int
    var branchPoint: Double
    /// Dual logit of the node's relaxation, used to warm-start the children.
    var dualLogit: Double
}

/// Max-heap of nodes keyed by upper bound (best-first search).
struct NodeQueue {
    private var nodes: [BranchNode] = []

    var isEmpty: Bool { nodes.isEmpty }
    var count: Int { nodes.count }
    /// Largest upper bound in the queue, or `-infinity` when empty.
    var maxUpperBound: Double { nodes.first?.upperBound ?? -.infinity }

    mutating func push(_ node: BranchNode) {
        nodes.append(node)
        var child = nodes.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if nodes[parent].upperBound >= nodes[child].upperBound { break }
            nodes.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popMax() -> BranchNode? {
        guard !nodes.isEmpty else { return nil }
        nodes.swapAt(0, nodes.count - 1)
        let top = nodes.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < nodes.count && nodes[left].upperBound > nodes[largest].upperBound { largest = left }
            if right < nodes.count && nodes[right].upperBound > nodes[largest].upperBound { largest = right }
            if largest == parent { break }
            nodes.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}
