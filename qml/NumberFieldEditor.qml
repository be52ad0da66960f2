import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An integer or decimal: a numeric keypad, the unit as a suffix. Saved as typed (see
// AutosaveTextField).
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
        inputMethodHints: editor.cell.type === "integer" ? Qt.ImhDigitsOnly
                                                         : Qt.ImhFormattedNumbersOnly
        placeholderText: editor.cell.minimum !== undefined && editor.cell.minimum !== null
                         ? qsTr("At least %1").arg(editor.cell.minimum) : ""
    }
    Label {
        visible: text !== ""
        text: editor.cell.unit
    }
}
