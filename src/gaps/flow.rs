/*!
Minimum-cost maximum flow, for the mentor pairing (SPEC 6.3).

The pairing must cover as many gaps as any valid pairing can, and only then
prefer some mentors over others; that is exactly a minimum-cost *maximum*
flow. Costs here are lexicographic triples ([`Cost`]) — compared first on
the first component, then the second, then the third — so "more same-role
pairs, then more reports-to pairs, then a larger total margin" is one exact
objective with no big-M weights to overflow.

The algorithm is the primal–dual method (Ahuja, Magnanti & Orlin, *Network
Flows*, 1993, §9.8): Dijkstra with node potentials finds the shortest
augmenting distance, and then a whole *maximum flow* is pushed through the
arcs of zero reduced cost at once — by the Dinic max-flow of `ac-library-rs`
(the Rust port of the AtCoder Library), not by one path per Dijkstra as plain
successive shortest paths do. The number of rounds is the number of distinct
shortest distances, however many units of flow there are: 1 round for the
benchmark's 50,000 people at 2 mentees per mentor, 8 at 1. All arc costs
must be ≥ 0 (the pairing's are).
*/

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use ac_library::MfGraph;

/// A cost compared lexicographically.
pub type Cost = [i64; 3];

const ZERO: Cost = [0; 3];

fn add(a: Cost, b: Cost) -> Cost {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

fn sub(a: Cost, b: Cost) -> Cost {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

#[derive(Debug, Clone)]
struct Arc {
    from: usize,
    to: usize,
    cap: i64,
    flow: i64,
    cost: Cost,
}

/// A directed network with capacities and costs on its arcs.
#[derive(Debug, Clone, Default)]
pub struct Network {
    arcs: Vec<Arc>,
    /// Residual arcs leaving each node: `2·arc` forward, `2·arc + 1` backward.
    out: Vec<Vec<usize>>,
}

impl Network {
    pub fn new(nodes: usize) -> Self {
        Network { arcs: Vec::new(), out: vec![Vec::new(); nodes] }
    }

    /// Adds an arc; returns its id. `cap` ≥ 0 and `cost` ≥ [0, 0, 0] (in
    /// the lexicographic order).
    pub fn add(&mut self, from: usize, to: usize, cap: i64, cost: Cost) -> usize {
        debug_assert!(cap >= 0 && cost >= ZERO && from != to);
        let id = self.arcs.len();
        self.arcs.push(Arc { from, to, cap, flow: 0, cost });
        self.out[from].push(2 * id);
        self.out[to].push(2 * id + 1);
        id
    }

    /// The flow on arc `id`.
    pub fn flow(&self, id: usize) -> i64 {
        self.arcs[id].flow
    }

    /// A residual arc: (from, to, residual capacity, cost).
    fn residual(&self, r: usize) -> (usize, usize, i64, Cost) {
        let a = &self.arcs[r / 2];
        if r.is_multiple_of(2) {
            (a.from, a.to, a.cap - a.flow, a.cost)
        } else {
            (a.to, a.from, a.flow, sub(ZERO, a.cost))
        }
    }

    /// Sends a maximum flow from `s` to `t` at minimum total cost; returns
    /// the flow value. Arc flows are read with [`Network::flow`].
    pub fn min_cost_max_flow(&mut self, s: usize, t: usize) -> i64 {
        let mut potential = vec![ZERO; self.out.len()];
        let mut total = 0;
        while self.raise_potentials(s, t, &mut potential) {
            let pushed = self.push_admissible(s, t, &potential);
            // A shortest path is admissible, so every round pushes something;
            // stop rather than loop should that ever fail.
            if pushed == 0 {
                break;
            }
            total += pushed;
        }
        total
    }

    /// Dijkstra on reduced costs from `s`, stopped when `t` is settled; then
    /// every potential rises by min(distance, distance of `t`), which keeps
    /// every residual reduced cost ≥ 0 and makes the shortest paths to `t`
    /// exactly the arcs of reduced cost 0. False when `t` is unreachable.
    fn raise_potentials(&self, s: usize, t: usize, potential: &mut [Cost]) -> bool {
        let n = self.out.len();
        let mut dist: Vec<Option<Cost>> = vec![None; n];
        let mut done = vec![false; n];
        let mut heap = BinaryHeap::new();
        dist[s] = Some(ZERO);
        heap.push(Reverse((ZERO, s)));
        while let Some(Reverse((d, u))) = heap.pop() {
            if done[u] {
                continue;
            }
            done[u] = true;
            if u == t {
                break;
            }
            for &r in &self.out[u] {
                let (_, v, cap, cost) = self.residual(r);
                if cap <= 0 || done[v] {
                    continue;
                }
                let reduced = add(sub(cost, potential[v]), potential[u]);
                debug_assert!(reduced >= ZERO, "negative reduced cost");
                let nd = add(d, reduced);
                if dist[v].is_none_or(|old| nd < old) {
                    dist[v] = Some(nd);
                    heap.push(Reverse((nd, v)));
                }
            }
        }
        if !done[t] {
            return false;
        }
        let d_t = dist[t].unwrap_or(ZERO);
        for v in 0..n {
            // Nodes not settled are at least as far as `t`.
            let d = if done[v] { dist[v].unwrap_or(d_t) } else { d_t };
            potential[v] = add(potential[v], d.min(d_t));
        }
        true
    }

    /// A maximum flow over the residual arcs of zero reduced cost (Dinic,
    /// from `ac-library-rs`), applied to the network; returns its value.
    fn push_admissible(&mut self, s: usize, t: usize, potential: &[Cost]) -> i64 {
        let mut mf: MfGraph<i64> = MfGraph::new(self.out.len());
        let mut used = Vec::new();
        for r in 0..2 * self.arcs.len() {
            let (u, v, cap, cost) = self.residual(r);
            if cap > 0 && add(sub(cost, potential[v]), potential[u]) == ZERO {
                used.push((mf.add_edge(u, v, cap), r));
            }
        }
        let pushed = mf.flow(s, t);
        for (e, r) in used {
            let f = mf.get_edge(e).flow;
            if f > 0 {
                let a = &mut self.arcs[r / 2];
                if r.is_multiple_of(2) {
                    a.flow += f;
                } else {
                    a.flow -= f;
                }
            }
        }
        pushed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_textbook_network() {
        // s=0, a=1, b=2, t=3: two units must go, the cheap route takes one.
        let mut n = Network::new(4);
        let sa = n.add(0, 1, 2, ZERO);
        let ab = n.add(1, 2, 2, [100, 0, 0]);
        let bt = n.add(2, 3, 1, [150, 0, 0]);
        let at = n.add(1, 3, 5, [400, 0, 0]);
        assert_eq!(n.min_cost_max_flow(0, 3), 2);
        assert_eq!((n.flow(sa), n.flow(ab), n.flow(bt), n.flow(at)), (2, 1, 1, 1));
    }

    #[test]
    fn later_components_only_break_ties() {
        // One unit, two routes: the first component decides, so [0, 9, 9]
        // is cheaper than [1, 0, 0].
        let mut n = Network::new(3);
        n.add(0, 1, 1, ZERO);
        let x = n.add(1, 2, 1, [1, 0, 0]);
        let y = n.add(1, 2, 1, [0, 9, 9]);
        assert_eq!(n.min_cost_max_flow(0, 2), 1);
        assert_eq!((n.flow(x), n.flow(y)), (0, 1));
    }

    fn total_cost(n: &Network) -> i64 {
        n.arcs.iter().map(|a| a.flow * a.cost[0]).sum()
    }

    proptest! {
        /// The same flow value and cost as the successive-shortest-path
        /// solver of ac-library-rs, on random networks with scalar costs.
        #[test]
        fn agrees_with_ac_library(
            nodes in 2usize..9,
            arcs in proptest::collection::vec((0usize..9, 0usize..9, 0i64..5, 0i64..7), 0..30),
        ) {
            let mut ours = Network::new(nodes);
            let mut theirs = ac_library::MinCostFlowGraph::<i64>::new(nodes);
            for (u, v, cap, cost) in arcs {
                let (u, v) = (u % nodes, v % nodes);
                if u == v {
                    continue;
                }
                ours.add(u, v, cap, [cost, 0, 0]);
                theirs.add_edge(u, v, cap, cost);
            }
            let t = nodes - 1;
            let flow = ours.min_cost_max_flow(0, t);
            let (f, c) = theirs.flow(0, t, i64::MAX);
            prop_assert_eq!((flow, total_cost(&ours)), (f, c));
        }
    }
}
