//! Reading files the user dropped or picked into [`IncomingFile`]s.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use crate::core::state::{Action, FileError, IncomingFile, MAX_FILE_BYTES};

/// The files of a `FileList`, in order.
pub fn list(files: &FileList) -> Vec<File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads every file and returns the actions that open them: one
/// [`Action::OpenFiles`] with the files that were read, preceded by an
/// [`Action::FileRejected`] for each file too large to read or that the
/// browser would not read (those are never loaded into memory).
pub async fn read_all(files: Vec<File>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut read = Vec::new();
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            let reason = FileError::TooLarge(file.size() as usize);
            actions.push(Action::FileRejected { name, reason });
            continue;
        }
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                let bytes = Uint8Array::new(&buf).to_vec();
                if let Some(buf) = buf.dyn_ref::<js_sys::ArrayBuffer>() {
                    crate::worker::release(buf);
                }
                read.push(IncomingFile { name, bytes })
            }
            Err(_) => actions.push(Action::FileRejected { name, reason: FileError::Unreadable }),
        }
    }
    if !read.is_empty() {
        actions.push(Action::OpenFiles(read));
    }
    actions
}
