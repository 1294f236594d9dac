"""Load and validate the data folders (competencies/, vacancies/, cv_templates/)."""
