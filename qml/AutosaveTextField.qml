import QtQuick
import QtQuick.Controls

// A text box of the form that saves what is typed: when editing ends, after a pause in typing,
// and when it goes away (scrolled out of the list) with text not yet saved, so nothing typed is
// lost. After a good save it shows the value as stored again.
TextField {
    id: field

    // The FieldDelegate whose value this edits.
    required property Item cell
    property bool dirty: false

    function commit() {
        pause.stop()
        if (!dirty)
            return
        dirty = false
        if (cell.save(text))
            text = Qt.binding(() => field.cell.displayValue)
    }

    text: cell.displayValue
    selectByMouse: true
    onTextEdited: {
        dirty = true
        pause.restart()
    }
    onEditingFinished: commit()
    Component.onDestruction: {
        if (dirty && cell && cell.form)
            cell.save(text)
    }

    Timer {
        id: pause
        interval: 1200
        onTriggered: field.commit()
    }
}
