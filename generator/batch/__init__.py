"""Every unit of a Kantor Wilayah at once (zi-plan build-all) and the Kanwil's recap."""
