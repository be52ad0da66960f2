import QtQuick

// The survey's own fields (not its equipment rows): reusable read-only by the office's review,
// where a tap on a field reports it with fieldActivated (e.g. to pin a comment to it).
RecordForm {
    required property string surveyId

    entity: "survey"
    recordId: surveyId
}
