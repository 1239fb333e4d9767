/*!
The organisation chart drawn as SVG: a box per role (title, English title,
headcount) under the role it reports to.

Layout is deterministic and overlap-free by construction: every subtree owns
a rectangle of grid cells no other subtree touches. A role's children stand
side by side under it — except a role whose children are all leaves and more
than six, whose children are stacked in a compact grid (so a director with
40 direct reports is not 40 boxes wide). Parents are centred over their
children; connectors are right-angled lines.
*/

use std::fmt::Write as _;

use crate::dept::chart::{Node, Tree};
use crate::render::escape::html;
use crate::render::html::truncate_em;

const BOX_W: f64 = 156.0;
const BOX_H: f64 = 58.0;
const SLOT_W: f64 = 176.0;
const ROW_H: f64 = 88.0;
const MARGIN: f64 = 12.0;

/// A subtree's extent in grid cells.
struct Extent {
    width: usize,
    height: usize,
    /// Children stacked in a grid of this many columns (0 = side by side).
    stack_cols: usize,
    children: Vec<Extent>,
}

fn measure(n: &Node) -> Extent {
    if n.children.is_empty() {
        return Extent { width: 1, height: 1, stack_cols: 0, children: Vec::new() };
    }
    if n.children.len() > 6 && n.children.iter().all(|c| c.children.is_empty()) {
        let count = n.children.len();
        let cols = (count as f64).sqrt().ceil() as usize;
        let rows = count.div_ceil(cols);
        let children = n.children.iter().map(measure).collect();
        return Extent { width: cols, height: 1 + rows, stack_cols: cols, children };
    }
    let children: Vec<Extent> = n.children.iter().map(measure).collect();
    let width = children.iter().map(|c| c.width).sum::<usize>().max(1);
    let height = 1 + children.iter().map(|c| c.height).max().unwrap_or(0);
    Extent { width, height, stack_cols: 0, children }
}

/// A box placed at pixel (x, y) of its top-left corner.
struct Placed<'a> {
    node: &'a Node,
    x: f64,
    y: f64,
    depth: usize,
}

fn place<'a>(
    n: &'a Node,
    e: &Extent,
    col: usize,
    row: usize,
    depth: usize,
    boxes: &mut Vec<Placed<'a>>,
    lines: &mut Vec<(f64, f64, f64, f64)>,
) {
    let x = MARGIN + col as f64 * SLOT_W + (e.width as f64 * SLOT_W - BOX_W) / 2.0 - (SLOT_W - BOX_W) / 2.0;
    let y = MARGIN + row as f64 * ROW_H;
    boxes.push(Placed { node: n, x, y, depth });
    if n.children.is_empty() {
        return;
    }
    let parent_mid = x + BOX_W / 2.0;
    let bus_y = y + BOX_H + (ROW_H - BOX_H) / 2.0;
    lines.push((parent_mid, y + BOX_H, parent_mid, bus_y));
    if e.stack_cols > 0 {
        // Children in a grid, column by column, each column hanging off a rail
        // on its left.
        let rows = n.children.len().div_ceil(e.stack_cols);
        let first_rail = MARGIN + col as f64 * SLOT_W + 4.0;
        let last_rail = first_rail + (e.stack_cols - 1) as f64 * SLOT_W;
        lines.push((first_rail.min(parent_mid), bus_y, last_rail.max(parent_mid), bus_y));
        for (i, c) in n.children.iter().enumerate() {
            let (cc, rr) = (i / rows, i % rows);
            let cx = MARGIN + (col + cc) as f64 * SLOT_W + 14.0;
            let cy = MARGIN + (row + 1 + rr) as f64 * ROW_H;
            let rail = first_rail + cc as f64 * SLOT_W;
            lines.push((rail, bus_y, rail, cy + BOX_H / 2.0));
            lines.push((rail, cy + BOX_H / 2.0, cx, cy + BOX_H / 2.0));
            boxes.push(Placed { node: c, x: cx, y: cy, depth: depth + 1 });
        }
        return;
    }
    let mut c0 = col;
    let mids: Vec<f64> = e
        .children
        .iter()
        .map(|ce| {
            let m = MARGIN + c0 as f64 * SLOT_W + ce.width as f64 * SLOT_W / 2.0 - (SLOT_W - BOX_W) / 2.0;
            c0 += ce.width;
            m
        })
        .collect();
    if let (Some(first), Some(last)) = (mids.first(), mids.last()) {
        lines.push((first.min(parent_mid), bus_y, last.max(parent_mid), bus_y));
    }
    let mut c0 = col;
    for ((child, ce), mid) in n.children.iter().zip(&e.children).zip(mids) {
        lines.push((mid, bus_y, mid, y + ROW_H));
        place(child, ce, c0, row + 1, depth + 1, boxes, lines);
        c0 += ce.width;
    }
}

/// The chart as an SVG element, titled `title`.
pub fn svg(tree: &Tree, title: &str, headcount_label: &str) -> String {
    let extents: Vec<Extent> = tree.roots.iter().map(measure).collect();
    let width = extents.iter().map(|e| e.width).sum::<usize>().max(1);
    let height = extents.iter().map(|e| e.height).max().unwrap_or(1);
    let (mut boxes, mut lines) = (Vec::new(), Vec::new());
    let mut col = 0;
    for (root, e) in tree.roots.iter().zip(&extents) {
        place(root, e, col, 0, 0, &mut boxes, &mut lines);
        col += e.width;
    }
    let w = 2.0 * MARGIN + width as f64 * SLOT_W;
    let h = 2.0 * MARGIN + height as f64 * ROW_H - (ROW_H - BOX_H);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"orgchart\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-size=\"12\"><title>{}</title>",
        html(title)
    );
    for (x1, y1, x2, y2) in lines {
        let _ = write!(out, "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#8c959f\" stroke-width=\"1.2\"/>");
    }
    for b in &boxes {
        let (fill, stroke) = if b.depth == 0 { ("#ddf4ff", "#0969da") } else { ("#f6f8fa", "#57606a") };
        let _ = write!(
            out,
            "<g><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
            b.x, b.y
        );
        let cx = b.x + BOX_W / 2.0;
        let _ = write!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"13\">{}</text>",
            b.y + 19.0,
            html(&truncate_em(&b.node.title, 11.0))
        );
        if let Some(en) = &b.node.title_en {
            let _ = write!(
                out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#57606a\">{}</text>",
                b.y + 34.0,
                html(&truncate_em(en, 22.0))
            );
        }
        if let Some(hc) = b.node.headcount {
            let _ = write!(
                out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">{} {hc}</text>",
                b.y + 49.0,
                html(headcount_label)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, children: Vec<Node>) -> Node {
        Node { id: id.into(), title: format!("崗位{id}"), title_en: None, headcount: Some(1), children }
    }

    /// The boxes of a chart, parsed back from the SVG.
    fn rects(svg: &str) -> Vec<(f64, f64)> {
        svg.split("<rect x=\"")
            .skip(1)
            .map(|s| {
                let x: f64 = s.split('"').next().unwrap().parse().unwrap();
                let y: f64 = s.split("y=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
                (x, y)
            })
            .collect()
    }

    fn assert_no_overlap(svg: &str, n: usize) {
        let r = rects(svg);
        assert_eq!(r.len(), n);
        for (i, a) in r.iter().enumerate() {
            for b in &r[i + 1..] {
                let apart = (a.0 - b.0).abs() >= BOX_W || (a.1 - b.1).abs() >= BOX_H;
                assert!(apart, "boxes at {a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn boxes_never_overlap_from_two_to_two_hundred_roles() {
        // A wide director, a deep chain, and a mixed tree.
        for n in [2usize, 5, 40, 200] {
            let wide = Tree { roots: vec![node("d", (1..n).map(|i| node(&format!("r{i}"), vec![])).collect())] };
            assert_no_overlap(&svg(&wide, "t", "編制"), n);
            let mut chain = node(&format!("c{n}"), vec![]);
            for i in (1..n).rev() {
                chain = node(&format!("c{i}"), vec![chain]);
            }
            assert_no_overlap(&svg(&Tree { roots: vec![chain] }, "t", "編制"), n);
            let mixed: Vec<Node> = (0..n / 5)
                .map(|i| {
                    node(
                        &format!("m{i}"),
                        (0..4)
                            .map(|j| {
                                node(
                                    &format!("m{i}-{j}"),
                                    if j == 0 { vec![node(&format!("m{i}-x"), vec![])] } else { vec![] },
                                )
                            })
                            .collect(),
                    )
                })
                .collect();
            let count = mixed.len() * 6 + 1;
            assert_no_overlap(&svg(&Tree { roots: vec![node("top", mixed)] }, "t", "編制"), count);
        }
    }

    #[test]
    fn text_is_escaped_and_the_chart_titled() {
        let t = Tree { roots: vec![node("<script>", vec![])] };
        let mut t2 = t.clone();
        t2.roots[0].title = "<script>alert(1)</script>".into();
        let s = svg(&t2, "組織架構 <chart>", "編制");
        assert!(s.contains("<title>組織架構 &lt;chart&gt;</title>"));
        assert!(!s.contains("<script>"));
    }
}
