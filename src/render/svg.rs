//! The cycle diagram on the components page: N nodes around a circle, joined
//! by arrows, each node a link to its section. Generated from components.yaml,
//! so adding a component redraws the diagram.

use super::escape_html;
use std::f64::consts::PI;
use std::fmt::Write as _;

const SIZE: f64 = 480.0;
const RING: f64 = 170.0;
const NODE: f64 = 58.0;

/// One node: the `#anchor` it links to and its label.
pub struct Node<'a> {
    pub anchor: &'a str,
    pub label: &'a str,
}

pub fn cycle_diagram(nodes: &[Node], title: &str, center: &str) -> String {
    let c = SIZE / 2.0;
    let n = nodes.len().max(1) as f64;
    let angle = |i: f64| -PI / 2.0 + i * 2.0 * PI / n;
    let point = |a: f64, r: f64| (c + r * a.cos(), c + r * a.sin());
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="cycle" viewBox="0 0 {SIZE} {SIZE}" role="group" aria-labelledby="cycle-title" xmlns="http://www.w3.org/2000/svg">
<title id="cycle-title">{}</title>
<defs><marker id="cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="cycle-arrowhead"/></marker></defs>
"#,
        escape_html(title)
    );
    // Arrows first so the nodes sit on top. The gap leaves room for the node's circle.
    let gap = 2.0 * (NODE / (2.0 * RING)).asin() + 0.06;
    if nodes.len() > 1 {
        for i in 0..nodes.len() {
            let (x1, y1) = point(angle(i as f64) + gap, RING);
            let (x2, y2) = point(angle(i as f64 + 1.0) - gap, RING);
            let _ = writeln!(
                svg,
                r#"<path class="cycle-link" d="M{x1:.1},{y1:.1} A{RING},{RING} 0 0 1 {x2:.1},{y2:.1}" marker-end="url(#cycle-arrow)"/>"#
            );
        }
    }
    let _ = writeln!(
        svg,
        r#"<text class="cycle-center" x="{c}" y="{c}" text-anchor="middle" dominant-baseline="middle">{}</text>"#,
        escape_html(center)
    );
    for (i, node) in nodes.iter().enumerate() {
        let (x, y) = point(angle(i as f64), RING);
        let lines = wrap(node.label, 11);
        let top = y - (lines.len() as f64 - 1.0) * 8.0 + 8.0;
        let _ = write!(
            svg,
            r##"<a class="cycle-node" href="#{}"><circle cx="{x:.1}" cy="{y:.1}" r="{NODE}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="cycle-number">{}</text><text x="{x:.1}" y="{top:.1}" text-anchor="middle">"##,
            escape_html(node.anchor),
            y - NODE + 22.0,
            i + 1
        );
        for (k, line) in lines.iter().enumerate() {
            // A space between the lines, or a screen reader runs the last
            // word of one into the first of the next ("A realproblem").
            let (dy, space) = if k == 0 { (0.0, "") } else { (16.0, " ") };
            let _ = write!(
                svg,
                r#"{space}<tspan x="{x:.1}" dy="{dy}">{}</tspan>"#,
                escape_html(line)
            );
        }
        svg.push_str("</text></a>\n");
    }
    svg.push_str("</svg>");
    svg
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
        assert!(
            long.contains(r#">Questions</tspan> <tspan"#)
                && long.contains(r#">and</tspan> <tspan"#),
            "wrapped lines are apart by a space, for screen readers: {long}"
        );
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn wraps_labels() {
        assert_eq!(
            wrap("Questioning and reflective listening", 11),
            vec!["Questioning", "and", "reflective listening"]
        );
        assert_eq!(wrap("A coach", 11), vec!["A coach"]);
    }
}
