import QtQuick
import QtQuick.Controls

// Yes / no as a switch; an unanswered question says so (it is not "no").
Switch {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        forceActiveFocus()
    }

    objectName: "input_" + cell.name
    checked: cell.value === true
    text: cell.value === true ? qsTr("Yes") : cell.value === false ? qsTr("No")
                                                                   : qsTr("Not answered")
    onToggled: cell.save(checked)
}
