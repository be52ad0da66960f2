import QtQuick
import QtQuick.Controls

// Text: one line, or a growing area for long text (notes). Saved as typed: when editing ends
// and after a pause in typing.
Item {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        (cell.multiLine ? area : line).forceActiveFocus()
    }
    function commitArea() {
        pause.stop()
        if (area.dirty) {
            area.dirty = false
            editor.cell.save(area.text)
        }
    }

    implicitHeight: cell.multiLine ? area.implicitHeight : line.implicitHeight

    AutosaveTextField {
        id: line
        objectName: editor.cell.multiLine ? "" : "input_" + editor.cell.name
        anchors.left: parent.left
        anchors.right: parent.right
        visible: !editor.cell.multiLine
        cell: editor.cell
    }
    TextArea {
        id: area
        objectName: editor.cell.multiLine ? "input_" + editor.cell.name : ""
        anchors.left: parent.left
        anchors.right: parent.right
        visible: editor.cell.multiLine
        text: editor.cell.displayValue
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        placeholderText: qsTr("Notes")
        property bool dirty: false
        onTextChanged: {
            if (activeFocus) {
                dirty = true
                pause.restart()
            }
        }
        onActiveFocusChanged: {
            if (!activeFocus)
                editor.commitArea()
        }
        Component.onDestruction: {
            if (dirty && editor.cell && editor.cell.form)
                editor.cell.save(text)
        }
    }
    Timer {
        id: pause
        interval: 1200
        onTriggered: editor.commitArea()
    }
}
