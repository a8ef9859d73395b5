/// One node of an SVG tree: a tag name, ordered attributes, children and optional text.
///
/// All attribute values and text are XML-escaped when rendered, so callers can pass
/// arbitrary user strings (segment names, titles) without further care.
public struct SVGElement: Sendable, Equatable {
    /// The tag name, e.g. `rect`.
    public var name: String
    /// Attributes in insertion order as `(name, value)` pairs (values unescaped).
    public var attributes: [SVGAttribute]
    /// Child elements, rendered after `text`.
    public var children: [SVGElement]
    /// Text content (unescaped).
    public var text: String?

    /// Creates an element from raw parts.
    public init(_ name: String, attributes: [SVGAttribute] = [], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Returns a copy with attribute `name` set to `value` (replacing an existing one).
    public func attr(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        if let i = copy.attributes.firstIndex(where: { $0.name == name }) {
            copy.attributes[i].value = value
        } else {
            copy.attributes.append(SVGAttribute(name: name, value: value))
        }
        return copy
    }

    /// Returns a copy with numeric attribute `name` set to `value`.
    public func attr(_ name: String, _ value: Double) -> SVGElement {
        attr(name, SVGNumber.format(value))
    }

    /// Sets the `class` attribute (used by tests and CSS to identify marks).
    public func cssClass(_ value: String) -> SVGElement { attr("class", value) }
    /// Sets `fill`.
    public func fill(_ color: String) -> SVGElement { attr("fill", color) }
    /// Sets `stroke` and `stroke-width`.
    public func stroke(_ color: String, width: Double = 1) -> SVGElement {
        attr("stroke", color).attr("stroke-width", width)
    }
    /// Adds a child `<title>` (a hover tooltip in browsers).
    public func tooltip(_ text: String) -> SVGElement {
        var copy = self
        copy.children.insert(.title(text), at: 0)
        return copy
    }

    /// Appends the XML for this element to `out`.
    public func render(into out: inout String) {
        out += "<" + name
        for a in attributes {
            out += " " + a.name + "=\"" + XMLEscaping.escape(a.value) + "\""
        }
        if text == nil && children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        if let text { out += XMLEscaping.escape(text) }
        for child in children { child.render(into: &out) }
        out += "</" + name + ">"
    }

    /// The XML for this element.
    public var xml: String {
        var s = ""
        render(into: &s)
        return s
    }
}

/// One `name="value"` attribute of an ``SVGElement``.
public struct SVGAttribute: Sendable, Equatable {
    /// Attribute name.
    public var name: String
    /// Attribute value (unescaped).
    public var value: String
    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension SVGElement {
    /// A rectangle.
    public static func rect(x: Double, y: Double, width: Double, height: Double) -> SVGElement {
        SVGElement("rect").attr("x", x).attr("y", y).attr("width", max(0, width)).attr("height", max(0, height))
    }

    /// A straight line segment.
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> SVGElement {
        SVGElement("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2)
    }

    /// An open polyline through `points` (unfilled by default).
    public static func polyline(_ points: [(x: Double, y: Double)]) -> SVGElement {
        let list = points.map { SVGNumber.format($0.x) + "," + SVGNumber.format($0.y) }.joined(separator: " ")
        return SVGElement("polyline").attr("points", list).attr("fill", "none")
    }

    /// A path with path data `d` (build it with ``SVGPath``).
    public static func path(_ d: String) -> SVGElement {
        SVGElement("path").attr("d", d)
    }

    /// A circle.
    public static func circle(cx: Double, cy: Double, r: Double) -> SVGElement {
        SVGElement("circle").attr("cx", cx).attr("cy", cy).attr("r", r)
    }

    /// A text label. `anchor` is `start`, `middle` or `end`; `size` is in px.
    public static func text(
        _ content: String, x: Double, y: Double, size: Double = 12,
        anchor: String = "start", weight: String? = nil, color: String = "#222222",
        rotate: Double? = nil
    ) -> SVGElement {
        var e = SVGElement("text", text: content).attr("x", x).attr("y", y)
            .attr("font-size", size).attr("fill", color)
        if anchor != "start" { e = e.attr("text-anchor", anchor) }
        if let weight { e = e.attr("font-weight", weight) }
        if let rotate {
            e = e.attr("transform", "rotate(\(SVGNumber.format(rotate)) \(SVGNumber.format(x)) \(SVGNumber.format(y)))")
        }
        return e
    }

    /// A group of elements, optionally with a `class`.
    public static func group(_ children: [SVGElement], cssClass: String? = nil) -> SVGElement {
        var g = SVGElement("g", children: children)
        if let cssClass { g = g.cssClass(cssClass) }
        return g
    }

    /// A `<title>` element (accessible name / tooltip).
    public static func title(_ text: String) -> SVGElement {
        SVGElement("title", text: text)
    }
}

/// A tiny builder for SVG path data.
public struct SVGPath: Sendable, Equatable {
    /// The accumulated path data.
    public private(set) var d: String = ""
    /// Creates an empty path.
    public init() {}
    /// Starts a new sub-path at (x, y).
    public mutating func move(_ x: Double, _ y: Double) {
        d += (d.isEmpty ? "" : " ") + "M" + SVGNumber.format(x) + "," + SVGNumber.format(y)
    }
    /// Draws a straight line to (x, y).
    public mutating func line(_ x: Double, _ y: Double) {
        d += " L" + SVGNumber.format(x) + "," + SVGNumber.format(y)
    }
    /// Closes the current sub-path.
    public mutating func close() { d += " Z" }
}
