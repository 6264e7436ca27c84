//! The cycle diagram on the components page: N nodes around a circle, joined
//! by arrows, each node a link to its section. Generated from components.yaml,
//! so adding a component redraws the diagram.
//!
//! The drawing is as narrow as its nodes allow: six fit in the 358 px text
//! column of a 390 px phone, so a phone shows it at full size and its labels
//! are as large as the page's text (an SVG's text shrinks with the drawing).

use super::escape_html;
use std::f64::consts::PI;
use std::fmt::Write as _;

/// The width the nodes are placed to fit: a 390 px phone's text column.
const COLUMN: f64 = 358.0;
/// The ring's radius when the nodes leave a choice (one to six of them).
const RING: f64 = 142.0;
/// A node's radius: room for three lines of about nine characters.
const NODE: f64 = 53.0;
/// A label's lines, in characters: a longer line would touch the circle.
const LABEL_WIDTH: usize = 9;
/// Between two neighbouring nodes' circles, room for an arrow.
const ARROW_ROOM: f64 = 34.0;
/// Around the drawing, room for a node's focus ring.
const MARGIN: f64 = 4.0;
/// On screens wider than the drawing it is shown this much larger.
const SHOWN: f64 = 1.1;
/// A label's line height, in ems, so a larger font keeps the lines apart.
const LINE: f64 = 1.15;

/// One node: the `#anchor` it links to and its label.
pub struct Node<'a> {
    pub anchor: &'a str,
    pub label: &'a str,
}

/// Where the nodes sit: around (0, 0), the first at the top, clockwise.
struct Ring {
    n: usize,
    radius: f64,
}

impl Ring {
    fn new(n: usize) -> Ring {
        let n = n.max(1);
        let mut ring = Ring { n, radius: 1.0 };
        // Wide enough that neighbours do not touch, and otherwise narrow
        // enough that the drawing fits the phone's column.
        let apart = if n > 1 {
            (2.0 * NODE + ARROW_ROOM) / (2.0 * (PI / n as f64).sin())
        } else {
            0.0
        };
        let widest = (0..n)
            .map(|i| ring.angle(i as f64).cos().abs())
            .fold(0.0, f64::max);
        let fits = if widest > 0.01 {
            (COLUMN / 2.0 - NODE - MARGIN) / widest
        } else {
            RING
        };
        ring.radius = apart.max(fits.min(RING));
        ring
    }

    fn angle(&self, i: f64) -> f64 {
        -PI / 2.0 + i * 2.0 * PI / self.n as f64
    }

    fn point(&self, angle: f64) -> (f64, f64) {
        (self.radius * angle.cos(), self.radius * angle.sin())
    }

    /// The drawing's box: x, y, width, height.
    fn view_box(&self) -> (f64, f64, f64, f64) {
        let (mut left, mut top, mut right, mut bottom) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for i in 0..self.n {
            let (x, y) = self.point(self.angle(i as f64));
            (left, right) = (left.min(x), right.max(x));
            (top, bottom) = (top.min(y), bottom.max(y));
        }
        let pad = NODE + MARGIN;
        let half = left.abs().max(right) + pad;
        (-half, top - pad, 2.0 * half, bottom - top + 2.0 * pad)
    }
}

pub fn cycle_diagram(nodes: &[Node], title: &str, center: &str) -> String {
    let ring = Ring::new(nodes.len());
    let (x0, y0, width, height) = ring.view_box();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="cycle" viewBox="{x0:.1} {y0:.1} {width:.1} {height:.1}" width="{:.0}" height="{:.0}" role="group" aria-labelledby="cycle-title" xmlns="http://www.w3.org/2000/svg">
<title id="cycle-title">{}</title>
<defs><marker id="cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="cycle-arrowhead"/></marker></defs>
"#,
        width * SHOWN,
        height * SHOWN,
        escape_html(title)
    );
    arrows(&mut svg, &ring);
    let _ = writeln!(
        svg,
        r#"<text class="cycle-center" x="0" y="0" text-anchor="middle" dominant-baseline="middle">{}</text>"#,
        escape_html(center)
    );
    for (i, node) in nodes.iter().enumerate() {
        node_link(&mut svg, &ring, i, node);
    }
    svg.push_str("</svg>");
    svg
}

/// One arrow from each node to the next, drawn first so the nodes sit on
/// top; each leaves a gap beside the circles it joins.
fn arrows(svg: &mut String, ring: &Ring) {
    if ring.n < 2 {
        return;
    }
    let gap = 2.0 * (NODE / (2.0 * ring.radius)).asin() + 0.04;
    let r = ring.radius;
    for i in 0..ring.n {
        let (x1, y1) = ring.point(ring.angle(i as f64) + gap);
        let (x2, y2) = ring.point(ring.angle(i as f64 + 1.0) - gap);
        let _ = writeln!(
            svg,
            r#"<path class="cycle-link" d="M{x1:.1},{y1:.1} A{r:.1},{r:.1} 0 0 1 {x2:.1},{y2:.1}" marker-end="url(#cycle-arrow)"/>"#
        );
    }
}

/// A node: its circle, its number near the top and its label's lines,
/// placed in ems below the centre so they stay centred at any font size.
fn node_link(svg: &mut String, ring: &Ring, i: usize, node: &Node) {
    let (x, y) = ring.point(ring.angle(i as f64));
    let lines = wrap(node.label, LABEL_WIDTH);
    let first = 0.7 - (lines.len() as f64 - 1.0) * LINE / 2.0;
    let _ = write!(
        svg,
        r##"<a class="cycle-node" href="#{}"><circle cx="{x:.1}" cy="{y:.1}" r="{NODE}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="cycle-number">{}</text><text x="{x:.1}" y="{y:.1}" text-anchor="middle">"##,
        escape_html(node.anchor),
        y - NODE + 21.0,
        i + 1
    );
    for (k, line) in lines.iter().enumerate() {
        // A space between the lines, or a screen reader runs the last
        // word of one into the first of the next ("A realproblem"). Placed
        // on its own, it is no part of either line, which stay centred.
        if k > 0 {
            let _ = write!(svg, r#"<tspan x="{x:.1}"> </tspan>"#);
        }
        let dy = if k == 0 { first } else { LINE };
        let _ = write!(
            svg,
            r#"<tspan x="{x:.1}" dy="{dy:.3}em">{}</tspan>"#,
            escape_html(line)
        );
    }
    svg.push_str("</text></a>\n");
}

/// Greedy word wrap to lines of about `width` characters, at most three lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > 3 {
        let rest = lines.split_off(2).join(" ");
        lines.push(rest);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_link_per_node_and_one_arrow_between_each() {
        let nodes: Vec<Node> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|id| Node {
                anchor: id,
                label: "A <label>",
            })
            .collect();
        let svg = cycle_diagram(&nodes, "Six components", "Action Learning");
        assert_eq!(svg.matches("<a class=\"cycle-node\"").count(), 6);
        assert_eq!(svg.matches("class=\"cycle-link\"").count(), 6);
        assert!(svg.contains(r##"href="#d""##));
        assert!(svg.contains("A &lt;label&gt;"), "labels are escaped");
        let long = cycle_diagram(
            &[Node {
                anchor: "q",
                label: "Questions and listening",
            }],
            "t",
            "c",
        );
        assert_eq!(
            long.matches(r#"</tspan><tspan x="0.0"> </tspan><tspan"#)
                .count(),
            2,
            "wrapped lines are apart by a space, for screen readers: {long}"
        );
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn wraps_labels() {
        assert_eq!(
            wrap("Questioning and reflective listening", LABEL_WIDTH),
            vec!["Questioning", "and", "reflective listening"]
        );
        assert_eq!(
            wrap("A group of 4 to 8", LABEL_WIDTH),
            vec!["A group", "of 4 to 8"]
        );
        assert_eq!(wrap("A coach", LABEL_WIDTH), vec!["A coach"]);
    }

    /// The width of the drawing, from its `viewBox`.
    fn drawn_width(n: usize) -> f64 {
        let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        let nodes: Vec<Node> = ids
            .iter()
            .map(|id| Node {
                anchor: id,
                label: id,
            })
            .collect();
        let svg = cycle_diagram(&nodes, "t", "c");
        let view = svg
            .split("viewBox=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        view.split(' ').nth(2).unwrap().parse().unwrap()
    }

    #[test]
    fn up_to_six_nodes_fit_a_phone_column_and_more_do_not_overlap() {
        for n in 1..=6 {
            assert!(drawn_width(n) <= COLUMN, "{n} nodes: {}", drawn_width(n));
        }
        for n in 7..=12 {
            let ring = Ring::new(n);
            let apart = 2.0 * ring.radius * (PI / n as f64).sin();
            assert!(
                apart >= 2.0 * NODE + ARROW_ROOM - 0.01,
                "{n} nodes are {apart} apart"
            );
        }
    }
}
