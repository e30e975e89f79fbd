"""Criminal mutual legal assistance (tương trợ tư pháp về hình sự) as a stage plug-in."""
