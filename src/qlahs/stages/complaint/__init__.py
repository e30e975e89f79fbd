"""Complaints and denunciations in criminal procedure (khiếu nại, tố cáo; BLTTHS 2015
Chương XXXIII) as a stage plug-in."""
