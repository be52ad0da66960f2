import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One of the definition's options: radio buttons for up to four, else a drop-down whose list
// wraps long labels (the chosen label is shown in full under it when it does not fit).
ColumnLayout {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell
    readonly property bool asRadios: cell.options.length <= 4

    function takeFocus() {
        (asRadios ? radios : combo).forceActiveFocus()
    }

    spacing: 0

    ColumnLayout {
        id: radios
        Layout.fillWidth: true
        visible: editor.asRadios
        spacing: 0
        Repeater {
            model: editor.asRadios ? editor.cell.options : []
            delegate: RadioButton {
                required property var modelData
                Layout.fillWidth: true
                objectName: "option_" + editor.cell.name + "_" + modelData.value
                checked: editor.cell.value === modelData.value
                text: modelData.label
                contentItem: Label {
                    leftPadding: parent.indicator.width + parent.spacing
                    text: parent.text
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                }
                onToggled: editor.cell.save(modelData.value)
            }
        }
    }
    ComboBox {
        id: combo
        objectName: "input_" + editor.cell.name
        Layout.fillWidth: true
        visible: !editor.asRadios
        model: editor.asRadios ? [] : editor.cell.options
        textRole: "label"
        valueRole: "value"
        // from the options themselves: indexOfValue() answers -1 until the model is set
        currentIndex: editor.cell.options.findIndex(o => o.value === editor.cell.value)
        displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: ListView.view.width
            highlighted: combo.highlightedIndex === index
            contentItem: Label {
                text: parent.modelData.label
                wrapMode: Text.Wrap
            }
        }
        onActivated: editor.cell.save(currentValue)
    }
    Label {
        Layout.fillWidth: true
        visible: !editor.asRadios && combo.currentIndex >= 0
                 && combo.contentItem.implicitWidth > combo.contentItem.width
        text: editor.cell.displayValue
        wrapMode: Text.Wrap
        font.pixelSize: AppLook.px(12)
    }
}
