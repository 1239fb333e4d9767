/*!
The parser stage of reading: a thread that splits CSV records into recycled
batches while the scoring thread works through the previous ones. Each batch
carries the line breaks found while it was read, and the scoring thread
numbers the records' lines: that work is off the parser, the slower stage.
*/

use std::sync::mpsc;

use csv::ByteRecord;

use super::read::{csv_fatal, Fatal};

/// Records read by the parser thread: `recs[..len]` are this batch's, with
/// the line breaks found while reading them (see [`crate::tabular::lines`]).
pub(super) struct Batch {
    pub recs: Vec<ByteRecord>,
    pub len: usize,
    pub breaks: Vec<u64>,
}

const BATCH: usize = 4096;

/// The parser stage: fills recycled batches until the input ends, an error
/// occurs (sent on, then stop), or the scoring side hangs up.
pub(super) fn split<R: std::io::Read>(
    mut csv: csv::Reader<crate::tabular::lines::Lines<R>>,
    name: &str,
    full: &mpsc::SyncSender<Result<Batch, Fatal>>,
    empty: &mpsc::Receiver<Batch>,
) {
    loop {
        let mut b =
            empty.try_recv().unwrap_or_else(|_| Batch { recs: Vec::with_capacity(BATCH), len: 0, breaks: Vec::new() });
        b.len = 0;
        b.breaks.clear();
        let mut eof = false;
        while b.len < BATCH {
            if b.recs.len() == b.len {
                b.recs.push(ByteRecord::new());
            }
            match csv.read_byte_record(&mut b.recs[b.len]) {
                Ok(true) => b.len += 1,
                Ok(false) => {
                    eof = true;
                    break;
                }
                Err(e) => {
                    let _ = full.send(Err(csv_fatal(name, e)));
                    return;
                }
            }
        }
        csv.get_mut().take_found(&mut b.breaks);
        if (b.len > 0 && full.send(Ok(b)).is_err()) || eof {
            return;
        }
    }
}
