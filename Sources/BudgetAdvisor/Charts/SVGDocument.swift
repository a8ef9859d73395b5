/// A complete SVG image: fixed pixel size, matching `viewBox`, sans-serif font and a `<title>`.
public struct SVGDocument: Sendable, Equatable {
    /// Width in px (also the `viewBox` width).
    public var width: Double
    /// Height in px (also the `viewBox` height).
    public var height: Double
    /// Accessible title, rendered as the first child `<title>`.
    public var title: String
    /// Top-level elements in paint order.
    public var elements: [SVGElement]
    /// Background fill, or `nil` for transparent.
    public var background: String?

    /// Creates an empty document.
    public init(width: Double, height: Double, title: String, background: String? = "#ffffff") {
        self.width = width
        self.height = height
        self.title = title
        self.elements = []
        self.background = background
    }

    /// Appends an element on top of the existing ones.
    public mutating func add(_ element: SVGElement) { elements.append(element) }

    /// Appends several elements.
    public mutating func add(contentsOf list: [SVGElement]) { elements.append(contentsOf: list) }

    /// The SVG markup (standalone: includes the SVG namespace, no XML declaration).
    public func render() -> String {
        let w = SVGNumber.format(width), h = SVGNumber.format(height)
        var root = SVGElement("svg")
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", w).attr("height", h)
            .attr("viewBox", "0 0 \(w) \(h)")
            .attr("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif")
            .attr("role", "img")
        root.children.append(.title(title))
        if let background {
            root.children.append(SVGElement.rect(x: 0, y: 0, width: width, height: height).fill(background))
        }
        root.children.append(contentsOf: elements)
        var out = ""
        out.reserveCapacity(4096 + elements.count * 96)
        root.render(into: &out)
        out += "\n"
        return out
    }
}
