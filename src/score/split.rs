/*!
The parser stage of reading: a thread that splits CSV records into recycled
batches while the scoring thread works through the previous ones.
*/

use std::sync::mpsc;

use csv::ByteRecord;

use super::fatal::{self, Fatal};

/// Records read by the parser thread: `recs[..len]` are this batch's.
pub(super) struct Batch {
    pub recs: Vec<ByteRecord>,
    pub len: usize,
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
        let mut b = empty.try_recv().unwrap_or_else(|_| Batch { recs: Vec::with_capacity(BATCH), len: 0 });
        b.len = 0;
        let mut eof = false;
        while b.len < BATCH {
            if b.recs.len() == b.len {
                b.recs.push(ByteRecord::new());
            }
            match crate::tabular::lines::read_record(&mut csv, &mut b.recs[b.len]) {
                Ok(true) => b.len += 1,
                Ok(false) => {
                    eof = true;
                    break;
                }
                Err(e) => {
                    let _ = full.send(Err(fatal::csv(name, e)));
                    return;
                }
            }
        }
        if (b.len > 0 && full.send(Ok(b)).is_err()) || eof {
            return;
        }
    }
}
