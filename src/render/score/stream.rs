/*!
Cards computed and written as they are reached (SPEC 3.5): a format gives
the text of one card, this computes the cards in order, in blocks, and
writes each block as soon as it and every block before it are done.

Computing a card (every KPI's value, score, band and the total) and writing
it are independent between cards, so blocks are shared out between worker
threads round-robin; the writer takes them back in the same order, so the
output is byte-identical to a single-threaded run. Memory holds a few blocks
of text, never the document.
*/

use std::io::{self, Write};
use std::sync::mpsc;

use super::SummaryRow;
use crate::score::card::Card;
use crate::score::Report;

/// Cards per block.
const BLOCK: usize = 256;
/// Blocks a worker may have finished ahead of the writer.
const AHEAD: usize = 2;

/// What a format writes for card `i`: its text appended to the buffer.
pub type CardText<'f> = dyn Fn(usize, &Card, &mut String) + Sync + 'f;

/// Computes every card of `report` in order and writes what `text` makes of
/// each to `out`. Returns each card's summary line.
pub fn cards(report: &Report, explain: bool, out: &mut dyn Write, text: &CardText) -> io::Result<Vec<SummaryRow>> {
    let n = report.len();
    let blocks = n.div_ceil(BLOCK);
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get()).min(4);
    let mut summary = Vec::with_capacity(n);
    if workers < 2 || blocks < 4 {
        let mut buf = String::new();
        for b in 0..blocks {
            block(report, b, explain, text, &mut buf, &mut summary);
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
        return Ok(summary);
    }
    std::thread::scope(|scope| -> io::Result<()> {
        let mut inboxes = Vec::new();
        for w in 0..workers {
            let (tx, rx) = mpsc::sync_channel::<(String, Vec<SummaryRow>)>(AHEAD);
            inboxes.push(rx);
            scope.spawn(move || {
                for b in (w..blocks).step_by(workers) {
                    let (mut buf, mut rows) = (String::new(), Vec::with_capacity(BLOCK));
                    block(report, b, explain, text, &mut buf, &mut rows);
                    // The writer hung up (an output error): stop.
                    if tx.send((buf, rows)).is_err() {
                        return;
                    }
                }
            });
        }
        for b in 0..blocks {
            // A worker only ends early when the writer has hung up.
            let Ok((buf, rows)) = inboxes[b % workers].recv() else { break };
            out.write_all(buf.as_bytes())?;
            summary.extend(rows);
        }
        Ok(())
    })?;
    Ok(summary)
}

fn block(report: &Report, b: usize, explain: bool, text: &CardText, buf: &mut String, rows: &mut Vec<SummaryRow>) {
    for i in b * BLOCK..((b + 1) * BLOCK).min(report.len()) {
        let card = report.card(i, explain);
        text(i, &card, buf);
        rows.push(SummaryRow::of(&card));
    }
}

/// Every card's summary line, without writing the cards.
pub fn summary(report: &Report) -> Vec<SummaryRow> {
    report.cards(false).map(|c| SummaryRow::of(&c)).collect()
}
