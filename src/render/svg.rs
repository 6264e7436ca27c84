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
pub const LABEL_WIDTH: usize = 9;
/// Between two neighbouring nodes' circles, room for an arrow.
const ARROW_ROOM: f64 = 34.0;
/// Around the drawing, room for a node's focus ring.
const MARGIN: f64 = 4.0;
/// On screens wider than the drawing it is shown this much larger.
const SHOWN: f64 = 1.1;
/// A label's line height, in ems, so a larger font keeps the lines apart.
const LINE: f64 = 1.15;
/// The centre label's font size (`.cycle-center` in style.css).
const CENTRE_FONT: f64 = 20.0;
/// A character's width in ems, about, in a bold sans-serif: enough to keep
/// the centre label clear of the nodes in the wider fonts.
const CHAR_EM: f64 = 0.62;

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
    /// `centre` is how far the centre label reaches from the middle.
    fn new(n: usize, centre: f64) -> Ring {
        let n = n.max(1);
        let mut ring = Ring { n, radius: 1.0 };
        // Wide enough that neighbours do not touch and the centre label
        // stays clear of the nodes, and otherwise narrow enough that the
        // drawing fits the phone's column.
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
        ring.radius = apart.max(fits.min(RING)).max(NODE + MARGIN + centre);
        ring
    }

    fn angle(&self, i: f64) -> f64 {
        -PI / 2.0 + i * 2.0 * PI / self.n as f64
    }

    fn point(&self, angle: f64) -> (f64, f64) {
        (self.radius * angle.cos(), self.radius * angle.sin())
    }

    /// The drawing's box, x, y, width and height: the nodes, the arrows
    /// (with two or more nodes they run the whole way round the ring) and
    /// the centre label, reaching `centre` (half its width and height)
    /// either side of the middle.
    fn view_box(&self, centre: (f64, f64)) -> (f64, f64, f64, f64) {
        let (half_width, half_height) = (centre.0 + MARGIN, centre.1 + MARGIN);
        let (mut left, mut top, mut right, mut bottom) =
            (-half_width, -half_height, half_width, half_height);
        let nodes = (0..self.n).map(|i| (self.angle(i as f64), NODE + MARGIN));
        let ring = [0.0, 0.5, 1.0, 1.5].map(|turn| (turn * PI, MARGIN));
        let arrows = if self.n > 1 { &ring[..] } else { &[] };
        for (angle, pad) in nodes.chain(arrows.iter().copied()) {
            let (x, y) = self.point(angle);
            (left, right) = (left.min(x - pad), right.max(x + pad));
            (top, bottom) = (top.min(y - pad), bottom.max(y + pad));
        }
        let half = left.abs().max(right);
        (-half, top, 2.0 * half, bottom - top)
    }
}

/// The centre label: its lines, and half its width and height, about.
fn centre_label(text: &str) -> (Vec<String>, (f64, f64)) {
    let lines = wrap(text, LABEL_WIDTH);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let half_width = longest as f64 * CHAR_EM * CENTRE_FONT / 2.0;
    let half_height = lines.len() as f64 * LINE * CENTRE_FONT / 2.0;
    (lines, (half_width, half_height))
}

pub fn cycle_diagram(nodes: &[Node], title: &str, center: &str) -> String {
    let (centre, reach) = centre_label(center);
    let ring = Ring::new(nodes.len(), reach.0.hypot(reach.1));
    let (x0, y0, width, height) = ring.view_box(reach);
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
    // On lines of its own, so that it fits inside four or five nodes.
    svg.push_str(r#"<text class="cycle-center" x="0" y="0" text-anchor="middle">"#);
    label_lines(&mut svg, 0.0, &centre, 0.35);
    svg.push_str("</text>\n");
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
/// a little below the circle's centre.
fn node_link(svg: &mut String, ring: &Ring, i: usize, node: &Node) {
    let (x, y) = ring.point(ring.angle(i as f64));
    let lines = wrap(node.label, LABEL_WIDTH);
    let _ = write!(
        svg,
        r##"<a class="cycle-node" href="#{}"><circle cx="{x:.1}" cy="{y:.1}" r="{NODE}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="cycle-number">{}</text><text x="{x:.1}" y="{y:.1}" text-anchor="middle">"##,
        escape_html(node.anchor),
        y - NODE + 21.0,
        i + 1
    );
    label_lines(svg, x, &lines, 0.7);
    svg.push_str("</text></a>\n");
}

/// A label's lines at `x`, centred on the text's `y` moved down by `lower`
/// ems, each placed in ems so they stay centred at any font size.
fn label_lines(svg: &mut String, x: f64, lines: &[String], lower: f64) {
    let first = lower - (lines.len() as f64 - 1.0) * LINE / 2.0;
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
}

/// The first line of a node's label, as wrapped, that is longer than
/// `LABEL_WIDTH` and so runs out of its circle (a long word, or what is
/// left for the third line); `None` when the label fits.
pub fn overlong_line(label: &str) -> Option<String> {
    wrap(label, LABEL_WIDTH)
        .into_iter()
        .find(|line| line.chars().count() > LABEL_WIDTH)
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
        assert_eq!(overlong_line("Questions and listening"), None);
        assert_eq!(overlong_line("Zadawanie pytań"), None);
        assert_eq!(
            overlong_line("Questioning and reflective listening").as_deref(),
            Some("Questioning")
        );
        assert_eq!(
            overlong_line("A real and urgent problem to solve").as_deref(),
            Some("urgent problem to solve")
        );
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
            let ring = Ring::new(n, 0.0);
            let apart = 2.0 * ring.radius * (PI / n as f64).sin();
            assert!(
                apart >= 2.0 * NODE + ARROW_ROOM - 0.01,
                "{n} nodes are {apart} apart"
            );
        }
    }

    /// The numbers in each `name="…"` of `svg`.
    fn attributes(svg: &str, name: &str) -> Vec<Vec<f64>> {
        svg.split(&format!(" {name}=\""))
            .skip(1)
            .map(|rest| {
                let value = rest.split('"').next().unwrap();
                value
                    .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                    .filter(|n| !n.is_empty())
                    .map(|n| n.parse().unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn arrows_and_the_centre_label_lie_inside_the_drawing_and_clear_of_the_nodes() {
        for n in 1..=12 {
            let ids: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
            let nodes: Vec<Node> = ids
                .iter()
                .map(|id| Node {
                    anchor: id,
                    label: "A real problem",
                })
                .collect();
            let svg = cycle_diagram(&nodes, "t", "Action Learning");
            let view = &attributes(&svg, "viewBox")[0];
            // (x, y) with `across` and `down` either side of it.
            let inside = |x: f64, y: f64, across: f64, down: f64| {
                x - across >= view[0]
                    && x + across <= view[0] + view[2]
                    && y - down >= view[1]
                    && y + down <= view[1] + view[3]
            };
            // Each arrow, an arc clockwise round the middle: its points.
            for d in attributes(&svg, "d").iter().filter(|d| d.len() == 9) {
                let (from, mut to) = (d[1].atan2(d[0]), d[8].atan2(d[7]));
                if to < from {
                    to += 2.0 * PI;
                }
                for k in 0..=20 {
                    let a = from + (to - from) * k as f64 / 20.0;
                    let (x, y) = (d[2] * a.cos(), d[2] * a.sin());
                    assert!(
                        inside(x, y, 1.25, 1.25),
                        "{n} nodes: an arrow at ({x:.0}, {y:.0}) is cut off by {view:?}"
                    );
                }
            }
            // The centre label, about as wide as 20 px bold text is.
            let centre = svg.split("cycle-center").nth(1).unwrap();
            let centre = &centre[..centre.find("</text>").unwrap()];
            let lines: Vec<&str> = centre
                .split('>')
                .skip(1)
                .filter_map(|part| part.split('<').next())
                .filter(|line| !line.trim().is_empty())
                .collect();
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
            let (half_width, half_height) = (longest as f64 * 6.0, lines.len() as f64 * 11.5);
            assert!(
                inside(0.0, 0.0, half_width, half_height),
                "{n} nodes: the centre label is cut off by {view:?}"
            );
            for circle in attributes(&svg, "cx").iter().zip(attributes(&svg, "cy")) {
                let (x, y) = (circle.0[0], circle.1[0]);
                let dx = (x.abs() - half_width).max(0.0);
                let dy = (y.abs() - half_height).max(0.0);
                assert!(
                    dx.hypot(dy) > NODE,
                    "{n} nodes: the node at ({x:.0}, {y:.0}) covers the centre label {lines:?}"
                );
            }
        }
    }
}
