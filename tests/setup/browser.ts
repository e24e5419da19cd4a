import './testing-library'
import './still'
import '../../src/styles/styles.css'
