//! What every page uses: the page frame, the site header and the number
//! field.

pub mod number_field;
pub mod page_frame;
pub mod site_header;
