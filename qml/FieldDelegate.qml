import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// One field of the form: its label and hint, the editor for its type, the validation message
// in red under it, the office's review comment and any conflict note. Collapses when the field
// is not relevant. In read-only mode a tap reports the field (activated).
Item {
    id: fieldCell

    required property int index
    required property string name
    required property string label
    required property string hint
    required property string type
    required property string unit
    required property var value
    required property string displayValue
    required property var options
    required property var minimum
    required property var maximum
    required property bool requiredOnSubmit
    required property bool relevant
    required property string error
    required property string warning
    required property string reviewComment
    required property var conflict
    required property bool multiLine
    required property url photoUrl

    property FormFieldsModel form
    property bool readOnly: false

    signal activated()

    // Saves an editor's input; false when it did not parse or was refused.
    function save(input) {
        return form.setValue(fieldCell.name, input)
    }
    function takeFocus() {
        if (editorLoader.item)
            editorLoader.item.takeFocus()
    }

    objectName: "field_" + name
    visible: relevant
    height: relevant ? column.implicitHeight + 16 : 0
    implicitHeight: height

    ColumnLayout {
        id: column
        x: 16
        y: 8
        width: fieldCell.width - 32
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: fieldCell.label + (fieldCell.requiredOnSubmit ? " *" : "")
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: fieldCell.hint !== ""
            text: fieldCell.hint
            font.pixelSize: AppLook.px(12)
            opacity: 0.7
            wrapMode: Text.Wrap
        }
        ReviewTaskBanner {
            Layout.fillWidth: true
            visible: fieldCell.reviewComment !== ""
            comment: fieldCell.reviewComment
        }
        Loader {
            id: editorLoader
            Layout.fillWidth: true
            enabled: !fieldCell.readOnly
            sourceComponent: {
                switch (fieldCell.type) {
                case "integer": case "decimal": return numberEditor
                case "bool": return boolEditor
                case "date": return dateEditor
                case "single_choice": return choiceEditor
                case "multiple_choice": return multiChoiceEditor
                case "photo": return photoEditor
                case "location": return locationEditor
                default: return textEditor
                }
            }
        }
        Label {
            objectName: "error_" + fieldCell.name
            Layout.fillWidth: true
            visible: fieldCell.error !== ""
            text: fieldCell.error
            color: Material.color(Material.Red)
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: fieldCell.warning !== ""
            text: fieldCell.warning
            color: Material.color(Material.Orange, Material.Shade800)
            wrapMode: Text.Wrap
        }
        ConflictCard {
            Layout.fillWidth: true
            visible: fieldCell.conflict.id !== undefined
            conflict: fieldCell.conflict
            onDismissed: fieldCell.form.dismissConflict(fieldCell.index)
        }
    }

    MouseArea {
        anchors.fill: parent
        enabled: fieldCell.readOnly
        visible: enabled
        onClicked: fieldCell.activated()
    }

    Component { id: numberEditor; NumberFieldEditor { cell: fieldCell } }
    Component { id: textEditor; TextFieldEditor { cell: fieldCell } }
    Component { id: boolEditor; BoolFieldEditor { cell: fieldCell } }
    Component { id: dateEditor; DateFieldEditor { cell: fieldCell } }
    Component { id: choiceEditor; ChoiceFieldEditor { cell: fieldCell } }
    Component { id: multiChoiceEditor; MultiChoiceFieldEditor { cell: fieldCell } }
    Component { id: photoEditor; PhotoFieldEditor { cell: fieldCell } }
    Component { id: locationEditor; LocationFieldEditor { cell: fieldCell } }
}
