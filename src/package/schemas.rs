//! The SCORM control documents (XSD and DTD) a manifest's
//! `xsi:schemaLocation` names, and the files those import or include: SCORM
//! wants them at the root of the package, beside `imsmanifest.xml`, and the
//! ADL test suite fails a package without them. Copied unchanged from ADL's
//! releases (see `schemas/README.md`).

use super::Version;

macro_rules! files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("schemas/", $dir, "/", $name)))),*]
    };
}

const SCORM12: &[(&str, &[u8])] = files!("scorm12":
    "imscp_rootv1p1p2.xsd",
    "imsmd_rootv1p2p1.xsd",
    "adlcp_rootv1p2.xsd",
    "ims_xml.xsd",
);

const SCORM2004: &[(&str, &[u8])] = files!("scorm2004":
    "imscp_v1p1.xsd",
    "adlcp_v1p3.xsd",
    "adlseq_v1p3.xsd",
    "adlnav_v1p3.xsd",
    "imsss_v1p0.xsd",
    "imsss_v1p0auxresource.xsd",
    "imsss_v1p0control.xsd",
    "imsss_v1p0delivery.xsd",
    "imsss_v1p0limit.xsd",
    "imsss_v1p0objective.xsd",
    "imsss_v1p0random.xsd",
    "imsss_v1p0rollup.xsd",
    "imsss_v1p0seqrule.xsd",
    "imsss_v1p0util.xsd",
    "xml.xsd",
    "XMLSchema.dtd",
    "datatypes.dtd",
);

/// The control documents a `version` package carries at its root.
pub fn files(version: Version) -> &'static [(&'static str, &'static [u8])] {
    match version {
        Version::Scorm12 => SCORM12,
        Version::Scorm2004 => SCORM2004,
    }
}

/// `xsi:schemaLocation`: each namespace the manifest's schemas define, with
/// the file in the package that defines it.
pub fn location(version: Version) -> &'static str {
    match version {
        Version::Scorm12 => concat!(
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd ",
            "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ",
            "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
        ),
        Version::Scorm2004 => concat!(
            "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd ",
            "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd ",
            "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd ",
            "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd ",
            "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_the_manifest_names_is_shipped() {
        for version in [Version::Scorm12, Version::Scorm2004] {
            let shipped: Vec<&str> = files(version).iter().map(|(n, _)| *n).collect();
            let named = location(version).split(' ').skip(1).step_by(2);
            for file in named {
                assert!(shipped.contains(&file), "{file} in {}", version.label());
            }
        }
    }
}
