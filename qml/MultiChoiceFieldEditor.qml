import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Several of the definition's options: one check box each.
ColumnLayout {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        forceActiveFocus()
    }
    // The chosen values with one option added or removed.
    function toggled(value, on) {
        const chosen = (Array.isArray(cell.value) ? cell.value : []).filter(v => v !== value)
        if (on)
            chosen.push(value)
        cell.save(chosen)
    }

    spacing: 0

    Repeater {
        model: editor.cell.options
        delegate: CheckBox {
            required property var modelData
            Layout.fillWidth: true
            objectName: "option_" + editor.cell.name + "_" + modelData.value
            checked: Array.isArray(editor.cell.value) && editor.cell.value.indexOf(modelData.value) >= 0
            text: modelData.label
            contentItem: Label {
                leftPadding: parent.indicator.width + parent.spacing
                text: parent.text
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
            }
            onToggled: editor.toggled(modelData.value, checked)
        }
    }
}
