//! JSON text through one serializer per type: `serde_json::to_string` and
//! `to_string_pretty` each compile a copy of a type's whole serializer
//! (several KB of wasm per exported type); [`to_string`] picks the layout
//! at run time instead. The output is byte for byte theirs: `serde_json`'s
//! `CompactFormatter` is the trait's defaults, and `PrettyFormatter`
//! overrides exactly the nine methods delegated below.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// `serde_json::to_string_pretty(value)` when `pretty`, else
/// `serde_json::to_string(value)`.
pub(crate) fn to_string<T: Serialize + ?Sized>(
    value: &T,
    pretty: bool,
) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    let layout = Layout(pretty.then(PrettyFormatter::new));
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, layout))?;
    String::from_utf8(out).map_err(<serde_json::Error as serde::ser::Error>::custom)
}

/// Pretty (two-space indent) or compact JSON.
struct Layout<'a>(Option<PrettyFormatter<'a>>);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $name<W: ?Sized + io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            match &mut self.0 {
                Some(p) => p.$name(writer $(, $arg)*),
                None => CompactFormatter.$name(writer $(, $arg)*),
            }
        }
    )*};
}

impl Formatter for Layout<'_> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_text_as_serde_json() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"a":[1,2.5,{"b":[],"c":{}},[[]],"x\"y\n"],"d":null,"e":{"f":[true,false]}}"#,
        )
        .unwrap();
        for v in [&v, &v["a"], &v["d"], &v["a"][2]["b"], &v["a"][2]["c"]] {
            assert_eq!(
                super::to_string(v, true).unwrap(),
                serde_json::to_string_pretty(v).unwrap()
            );
            assert_eq!(super::to_string(v, false).unwrap(), serde_json::to_string(v).unwrap());
        }
    }
}
