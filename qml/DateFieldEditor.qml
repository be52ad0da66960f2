import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A date: typed as 2024-05-01, or picked from a small calendar.
RowLayout {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        input.forceActiveFocus()
    }

    spacing: 8

    AutosaveTextField {
        id: input
        objectName: "input_" + editor.cell.name
        Layout.fillWidth: true
        cell: editor.cell
        placeholderText: qsTr("yyyy-mm-dd")
        inputMethodHints: Qt.ImhDate
    }
    Button {
        objectName: "calendar_" + editor.cell.name
        text: qsTr("Calendar")
        onClicked: picker.open()
    }
    DatePickerPopup {
        id: picker
        objectName: "picker_" + editor.cell.name
        selectedDate: editor.cell.displayValue
        minimumDate: editor.cell.minimum === undefined ? "" : String(editor.cell.minimum)
        maximumDate: editor.cell.maximum === undefined ? "" : String(editor.cell.maximum)
        onPicked: date => editor.cell.save(date)
    }
}
